import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EventStore } from '../../../event-store/src/port';
import { ProjectionRunner } from '../runner';
import type { ReadModel, ReadModelOptions } from './open-read-model';
import { ensureReadModelSchema } from './read-model-schema';
import { SqliteReadModel } from './sqlite-read-model';

const BUSY_TIMEOUT_MS = 10_000;

/**
 * The rm_ tables in a SQLite file of their own, fed from a store elsewhere (EventStoreDB,
 * PostgreSQL) by catch-up alone. With no events table beside them, activities are stored in full.
 * NORMAL sync is enough: the read model is derived, and a commit lost to a power cut is refolded
 * from the checkpoint that was lost with it.
 */
export function openDetachedReadModel(store: EventStore, filePath: string, options: ReadModelOptions = {}): ReadModel & { closeFile(): void } {
  mkdirSync(dirname(filePath), { recursive: true });
  const db = new Database(filePath, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    ensureReadModelSchema(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const runner = new ProjectionRunner(store, db, { ...options, eventsElsewhere: true });
  return {
    view: new SqliteReadModel(db, { eventsBeside: false }),
    runner,
    close: () => undefined,
    closeFile: () => db.close(),
  };
}
