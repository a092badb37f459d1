import Database from 'better-sqlite3';

/** How long a rebuild step waits for another writer of the file (an append, a catch-up). */
export const REBUILD_BUSY_TIMEOUT_MS = 10_000;

/**
 * Page cache of the rebuild's connection: it holds the rm_next_ pages being appended to and the
 * sorter's run when the activity indexes are built. Events are read once, front to back, so a
 * larger cache buys no reads; it is memory the process keeps until the rebuild closes it.
 */
export const REBUILD_CACHE_KIB = 16 * 1024;

/**
 * A connection of the rebuild's own to the ledger's file. Its commits write rm_next_ tables that
 * nobody reads until the swap, so they skip the fsync the store's connection does for every append
 * (`synchronous = NORMAL`: in WAL mode a power cut can lose the last commits, never the file's
 * consistency; a lost swap leaves the old tables and their checkpoint, and the next rebuild redoes
 * it). Being separate, that setting never touches an append this process makes between two steps.
 */
export function openRebuildConnection(filePath: string): Database.Database {
  const db = new Database(filePath, { timeout: REBUILD_BUSY_TIMEOUT_MS });
  try {
    db.pragma(`busy_timeout = ${REBUILD_BUSY_TIMEOUT_MS}`);
    db.pragma('synchronous = NORMAL');
    db.pragma(`cache_size = -${REBUILD_CACHE_KIB}`);
    // Reads copy pages through that bounded cache: a mapped file would count against the process's memory.
    db.pragma('mmap_size = 0');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
