import type { Pool } from 'pg';
import type { StoredEvent } from '../../../event-store/src/envelope';
import { CheckpointRow, CheckpointState } from './checkpoint-row';
import { DEFAULT_DOC_CAPACITIES, DocCapacities, PageFolder } from './page-folder';
import { inTransaction } from './pg-session';
import { LIVE_PREFIX, tablesWithPrefix } from './read-model-tables';
import { SerialQueue } from './serial-queue';

export interface PageOutcome {
  /** Events of the page folded in (those the checkpoint had not passed yet). */
  applied: number;
  /** The checkpoint after the transaction. */
  position: bigint;
  /**
   * The checkpoint was behind the page's start (the tables were recreated empty meanwhile):
   * nothing was applied, the caller must read again from `position`.
   */
  behind: boolean;
}

/**
 * Folds pages of events into the live rm_ tables, each page in one transaction: lock the
 * checkpoint row (`SELECT … FOR UPDATE`), skip the events it already covers, load the documents
 * the rest touch, fold, write each changed document, move the checkpoint, commit. Whoever else
 * writes (another process's catch-up, a rebuild's swap) waits on that row lock, so an event is
 * never applied twice; a page must start where the checkpoint is or before it, so none is skipped.
 *
 * Documents stay held between pages as long as the checkpoint row still says what this writer
 * left in it (same position and table generation); otherwise someone else wrote and they are
 * dropped. Pages of one process take turns (`SerialQueue`): the held documents follow one history.
 */
export class PostgresReadModelWriter {
  private readonly folder: PageFolder;
  private readonly checkpointRow: CheckpointRow;
  private readonly queue = new SerialQueue();
  /** The checkpoint the held documents agree with; undefined when they must not be trusted. */
  private heldAt: CheckpointState | undefined;

  constructor(
    private readonly pool: Pool,
    schema: string,
    capacities: DocCapacities = DEFAULT_DOC_CAPACITIES,
    options: { eventsBeside: boolean } = { eventsBeside: false },
  ) {
    this.folder = new PageFolder(tablesWithPrefix(schema, LIVE_PREFIX, options), capacities);
    this.checkpointRow = new CheckpointRow(schema);
  }

  /** The committed checkpoint (a plain read, outside any transaction). */
  async checkpoint(): Promise<bigint> {
    return (await this.checkpointRow.read(this.pool)).position;
  }

  /** Applies the events of `page` (read after `expectedFrom`, contiguous) the checkpoint has not covered yet. */
  applyPage(expectedFrom: bigint, page: readonly StoredEvent[]): Promise<PageOutcome> {
    return this.queue.run(() => this.applyNow(expectedFrom, page));
  }

  private async applyNow(expectedFrom: bigint, page: readonly StoredEvent[]): Promise<PageOutcome> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      const { outcome, state } = await inTransaction(client, async () => {
        const found = await this.checkpointRow.lock(client);
        // Emptied documents agree with any state; held ones only with the state this writer left.
        if (!sameState(found, this.heldAt)) this.forget();
        if (found.position < expectedFrom) return { outcome: { applied: 0, position: found.position, behind: true }, state: found };
        const fresh = page.filter((e) => e.globalPosition > found.position);
        if (fresh.length === 0) return { outcome: { applied: 0, position: found.position, behind: false }, state: found };
        await this.folder.prefetch(client, fresh);
        this.folder.fold(fresh);
        await this.folder.write(client);
        const state = { position: fresh[fresh.length - 1].globalPosition, generation: found.generation };
        await this.checkpointRow.write(client, state);
        return { outcome: { applied: fresh.length, position: state.position, behind: false }, state };
      });
      // Trusted only once committed: a failed COMMIT lands in the catch below.
      this.heldAt = state;
      this.folder.trim();
      return outcome;
    } catch (error) {
      this.forget();
      broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private forget(): void {
    this.heldAt = undefined;
    this.folder.forget();
  }
}

function sameState(a: CheckpointState, b: CheckpointState | undefined): boolean {
  return b !== undefined && a.position === b.position && a.generation === b.generation;
}
