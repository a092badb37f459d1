import Database from 'better-sqlite3';
import { ensureSchema } from './schema';

/** How long a writer waits for another process's write transaction before giving up. */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * 32 MiB of page cache (the default is 2 MiB): the event-id and stream indexes take random inserts,
 * and the read models share this connection. No mmap: mapped pages count as the process's resident
 * memory, and a 1M-event ledger would then hold the whole file "resident".
 */
const CACHE_KIB = 32 * 1024;

/** Pages the WAL may grow to before SQLite copies it back (default 1,000): fewer, larger checkpoints. */
const WAL_AUTOCHECKPOINT_PAGES = 4000;

/**
 * Opens (creating if needed) the store file with the settings every writer must share:
 * WAL so readers never block the writer, FULL sync so a committed append survives power loss,
 * and a busy timeout so several processes can append to the same file.
 */
export function openDatabase(filePath: string): Database.Database {
  const db = new Database(filePath, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma(`cache_size = -${CACHE_KIB}`);
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    ensureSchema(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
