import Database from 'better-sqlite3';
import { ensureSchema } from './schema';

/** How long a writer waits for another process's write transaction before giving up. */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Reads map the file instead of copying each page through SQLite's cache; a full replay reads the
 * whole file, and row fetching measured 15-30 % faster this way. Address space, not memory: the
 * kernel's page cache holds the pages either way.
 */
const MMAP_BYTES = 1024 * 1024 * 1024;

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
    db.pragma(`mmap_size = ${MMAP_BYTES}`);
    ensureSchema(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
