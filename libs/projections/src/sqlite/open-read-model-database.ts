import Database from 'better-sqlite3';
import { ensureReadModelSchema } from './read-model-schema';

/** How long a read-model transaction waits for another writer of the same file. */
export const READ_MODEL_BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens the read model's own connection to the event store's file. `synchronous = NORMAL`: the
 * read model is derived and rebuildable, so its commits skip the fsync the events themselves get
 * (a commit lost to power failure is redone by the next catch-up, checkpoint and all).
 */
export function openReadModelDatabase(filePath: string): Database.Database {
  const db = new Database(filePath, { timeout: READ_MODEL_BUSY_TIMEOUT_MS });
  try {
    db.pragma(`busy_timeout = ${READ_MODEL_BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // 16 MiB of page cache: a rebuild appends rows and sorts its indexes once, so more buys little.
    db.pragma('cache_size = -16384');
    ensureReadModelSchema(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
