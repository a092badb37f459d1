import type { ActivityDoc } from '../../../domain/src/state';
import { ActivityLocator } from './activity-locator';
import { ActivityRowValues, decodeActivityRow, encodeActivity } from './activity-rows';
import { ACTIVITY_INSERT_BATCH, ReadModelStatements } from './read-model-statements';

/** Parameters per placed row: the rowid, then `encodeActivity`'s values. */
const PLACED_ROW_WIDTH = 7;

/**
 * A rebuild's activity documents, in a table that gets its indexes only after loading. Each new
 * activity is appended at the next rowid, remembered by an `ActivityLocator`, and found again
 * through it when a later event corrects or voids it, so every event is folded in order, in one
 * pass. Writes go straight through (nothing is kept but the locator): new rows in batches, which
 * are flushed before any row is read back, changed rows by an update in place.
 */
export class RebuildActivityTable {
  private readonly locator = new ActivityLocator();
  private readonly batch: unknown[] = [];
  private nextRowid = 1;
  /** The last id located, so the get-then-put of one change verifies its row once. */
  private located: { id: string; rowid: number } | undefined;

  constructor(private readonly statements: ReadModelStatements) {}

  get(id: string): ActivityDoc | undefined {
    const rowid = this.rowidOf(id);
    if (rowid === undefined) return undefined;
    const row = this.statements.activityRowAt.get(rowid);
    if (row === undefined) throw new Error(`rebuilt activity ${id} is missing from row ${rowid}`);
    return decodeActivityRow(row);
  }

  put(doc: ActivityDoc): void {
    const values = encodeActivity(doc);
    const rowid = this.rowidOf(doc.id);
    if (rowid !== undefined) {
      this.statements.updateActivityAt.run(...values, rowid);
      return;
    }
    this.place(this.nextRowid++, values);
  }

  /** Writes the rows still batched; call before the table is read other than through `get`. */
  flush(): void {
    if (this.batch.length === 0) return;
    this.statements.insertActivitiesAt(this.batch.length / PLACED_ROW_WIDTH).run(this.batch);
    this.batch.length = 0;
  }

  private place(rowid: number, values: ActivityRowValues): void {
    this.locator.add(values[0], rowid);
    this.batch.push(rowid, ...values);
    if (this.batch.length === ACTIVITY_INSERT_BATCH * PLACED_ROW_WIDTH) this.flush();
  }

  private rowidOf(id: string): number | undefined {
    if (this.located?.id === id) return this.located.rowid;
    const candidates = this.locator.candidates(id);
    if (candidates.length === 0) return undefined;
    const rowid = candidates.find((r) => this.idAt(r) === id);
    this.located = rowid === undefined ? undefined : { id, rowid };
    // A row still batched must be in the table before anyone reads or updates it.
    if (rowid !== undefined && rowid >= this.firstBatched()) this.flush();
    return rowid;
  }

  /** The id in a row, whether written or still batched. */
  private idAt(rowid: number): string | undefined {
    const first = this.firstBatched();
    if (rowid < first) return this.statements.activityIdAt.get(rowid);
    return this.batch[(rowid - first) * PLACED_ROW_WIDTH + 1] as string | undefined;
  }

  /** Rowid of the first row still batched (rows are placed at consecutive rowids). */
  private firstBatched(): number {
    return this.nextRowid - this.batch.length / PLACED_ROW_WIDTH;
  }
}
