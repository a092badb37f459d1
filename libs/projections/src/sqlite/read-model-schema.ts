import type { Database } from 'better-sqlite3';
import {
  createDocumentTables,
  DOCUMENT_TABLE_KEYS,
  dropDocumentTables,
  LIVE_PREFIX,
  REBUILD_PREFIX,
  tableExists,
  tablesWithPrefix,
} from './read-model-tables';

/**
 * Bumped whenever a read-model table or document shape changes. The read model is derived, so a
 * file stamped with another version simply has its rm_ tables dropped and is rebuilt by catch-up.
 * Kept in `rm_meta`, not `user_version`, which belongs to the event store's schema.
 */
export const READ_MODEL_VERSION = 4;

/** Creates the rm_ tables when absent; drops and recreates them when stamped with another version. */
export function ensureReadModelSchema(db: Database): void {
  // The common case (an up-to-date file) is settled by reads alone, without taking the write lock.
  if (tableExists(db, 'rm_meta') && tableExists(db, 'rm_checkpoint') && isCurrent(db)) return;
  db.transaction(() => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS rm_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS rm_checkpoint (name TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID;
    `);
    if (!isCurrent(db)) recreateReadModel(db);
  }).immediate();
}

/**
 * Empties the read model: fresh rm_ tables, checkpoint 0. For a read model kept apart from its
 * events (another file, another engine), this is how a rebuild starts: catch-up then refolds all.
 */
export function resetReadModel(db: Database): void {
  ensureReadModelSchema(db);
  db.transaction(() => recreateReadModel(db)).immediate();
}

function recreateReadModel(db: Database): void {
  const live = tablesWithPrefix(LIVE_PREFIX);
  dropDocumentTables(db, live);
  dropDocumentTables(db, tablesWithPrefix(REBUILD_PREFIX));
  createDocumentTables(db, live, { indexes: true });
  db.exec("DELETE FROM rm_checkpoint; DELETE FROM rm_meta WHERE key = 'rebuild'");
  db.prepare("INSERT INTO rm_meta (key, value) VALUES ('version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
    String(READ_MODEL_VERSION),
  );
}

function isCurrent(db: Database): boolean {
  const live = tablesWithPrefix(LIVE_PREFIX);
  const found = db.prepare<[], string>("SELECT value FROM rm_meta WHERE key = 'version'").pluck().get();
  return found === String(READ_MODEL_VERSION) && DOCUMENT_TABLE_KEYS.every((key) => tableExists(db, live[key]));
}
