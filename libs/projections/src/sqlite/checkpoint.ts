import type { Database, Statement } from 'better-sqlite3';

/** The one checkpoint every rm_ table shares: they are written in the same transactions. */
export const LEDGER_CHECKPOINT = 'ledger';

/** Reads and writes `rm_checkpoint` (positions as bigint, never through a float). */
export class CheckpointTable {
  private readonly select: Statement<[string], bigint>;
  private readonly upsert: Statement<[string, bigint], unknown>;

  constructor(db: Database, private readonly name: string = LEDGER_CHECKPOINT) {
    this.select = db.prepare<[string], bigint>('SELECT position FROM rm_checkpoint WHERE name = ?').pluck(true).safeIntegers(true);
    this.upsert = db.prepare<[string, bigint], unknown>(
      'INSERT INTO rm_checkpoint (name, position) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position',
    );
  }

  /** 0n when no event was ever applied. */
  read(): bigint {
    return this.select.get(this.name) ?? 0n;
  }

  write(position: bigint): void {
    this.upsert.run(this.name, position);
  }
}
