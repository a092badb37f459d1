import Database from 'better-sqlite3';
import { parseStoreUrl } from '../../libs/event-store/src/open-event-store';

/**
 * `ActivityLogged` events in a store, read behind the server's back (after it stopped; a SQLite
 * file read-only): what the server really made durable, to hold against what it acknowledged.
 */
export async function countLoggedActivities(storeUrl: string): Promise<number> {
  const location = parseStoreUrl(storeUrl);
  if (location.kind === 'sqlite') {
    const db = new Database(location.filePath, { readonly: true, fileMustExist: true });
    try {
      return db.prepare<[], number>("SELECT count(*) FROM events WHERE type = 'ActivityLogged'").pluck().get() ?? 0;
    } finally {
      db.close();
    }
  }
  if (location.kind !== 'postgres') throw new Error(`cannot count the events of a ${location.kind} store`);
  const { Client } = await import('pg');
  const client = new Client({ connectionString: location.connectionString });
  await client.connect();
  try {
    const result = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${location.schema}".events WHERE type = 'ActivityLogged'`);
    return result.rows[0].n;
  } finally {
    await client.end();
  }
}
