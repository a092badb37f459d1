import { PARSERS } from '../../../event-store/src/postgres/event-row';
import { LEDGER_CHECKPOINT } from './migrate-read-model';
import type { Queryable } from './pg-session';
import { metaTables } from './read-model-tables';

/** The checkpoint and the generation of the tables it describes (bumped whenever they are replaced). */
export interface CheckpointState {
  position: bigint;
  generation: bigint;
}

/** Reads, and inside a transaction locks, the one `rm_checkpoint` row (written by the migration). */
export class CheckpointRow {
  private readonly select: string;
  private readonly update: string;

  constructor(schema: string) {
    const { checkpoint } = metaTables(schema);
    this.select = `SELECT position, generation FROM ${checkpoint} WHERE name = $1`;
    this.update = `UPDATE ${checkpoint} SET position = $2::bigint, generation = $3::bigint WHERE name = $1`;
  }

  /** A plain read (its own snapshot). */
  read(db: Queryable): Promise<CheckpointState> {
    return this.query(db, this.select);
  }

  /**
   * Reads the row and locks it until the transaction ends: every writer of the rm_ tables takes
   * this lock first, so writers (in any process) take turns, and each sees what the one before committed.
   */
  lock(db: Queryable): Promise<CheckpointState> {
    return this.query(db, `${this.select} FOR UPDATE`);
  }

  async write(db: Queryable, state: CheckpointState): Promise<void> {
    await db.query(this.update, [LEDGER_CHECKPOINT, state.position.toString(), state.generation.toString()]);
  }

  private async query(db: Queryable, sql: string): Promise<CheckpointState> {
    const result = await db.query<{ position: string; generation: string }>({ text: sql, values: [LEDGER_CHECKPOINT], types: PARSERS });
    const row = result.rows[0];
    if (row === undefined) throw new Error('rm_checkpoint has no ledger row: the read model was not migrated');
    return { position: BigInt(row.position), generation: BigInt(row.generation) };
  }
}
