import type { Database } from 'better-sqlite3';

/** Bumped whenever the table layout changes; kept in SQLite's `user_version`. */
export const SCHEMA_VERSION = 1;

/**
 * One row per event. `global_position` is AUTOINCREMENT so a position is never reused, even if the
 * last rows were ever removed by hand: subscribers and checkpoints rely on positions only growing.
 * The UNIQUE (stream_id, stream_version) index also serves stream reads and the head-of-stream lookup.
 */
const CREATE_EVENTS = `
CREATE TABLE IF NOT EXISTS events (
  global_position INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id        TEXT    NOT NULL UNIQUE,
  stream_id       TEXT    NOT NULL,
  stream_version  INTEGER NOT NULL,
  type            TEXT    NOT NULL,
  schema_version  INTEGER NOT NULL,
  data            TEXT    NOT NULL,
  metadata        TEXT    NOT NULL,
  prev_hash       TEXT    NOT NULL,
  hash            TEXT    NOT NULL,
  UNIQUE (stream_id, stream_version)
)`;

/**
 * Creates the tables when absent and stamps the schema version. Runs under an immediate
 * transaction so two processes opening a fresh file at once do not both try to create it.
 */
export function ensureSchema(db: Database): void {
  const found = db.pragma('user_version', { simple: true }) as number;
  if (found === SCHEMA_VERSION) return;
  if (found > SCHEMA_VERSION) {
    throw new Error(
      `事件库 ${db.name} 由更新版本的程序创建（结构版本 ${found}），请升级后再打开。` +
        ` Event store ${db.name} has schema version ${found}; this build knows up to ${SCHEMA_VERSION}.`,
    );
  }
  db.transaction(() => {
    db.exec(CREATE_EVENTS);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
