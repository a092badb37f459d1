import Database from 'better-sqlite3';

/**
 * `ActivityLogged` events in a store's SQLite file, read behind the server's back (read-only,
 * after it stopped): what the server really made durable, to hold against what it acknowledged.
 */
export function countLoggedActivities(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], number>("SELECT count(*) FROM events WHERE type = 'ActivityLogged'").pluck().get() ?? 0;
  } finally {
    db.close();
  }
}
