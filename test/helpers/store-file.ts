import Database from 'better-sqlite3';

/**
 * Direct access to a store's SQLite file, for what a test must do behind the CLI's back: count
 * what was appended, tamper with a stored event as an attacker would, wipe the read model.
 */
function withDatabase<T>(file: string, readonly: boolean, body: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly, fileMustExist: true, timeout: 10_000 });
  try {
    return body(db);
  } finally {
    db.close();
  }
}

/** How many events the store holds (every stream). */
export function countEvents(file: string): number {
  return withDatabase(file, true, (db) => db.prepare<[], number>('SELECT count(*) FROM events').pluck().get() ?? 0);
}

/** Like countEvents, but 0 while the file or its schema does not exist yet (a process still starting). */
export function countEventsIfAny(file: string): number {
  try {
    return countEvents(file);
  } catch {
    return 0;
  }
}

export interface StoredEventRow {
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  data: Record<string, unknown>;
}

export function readStoredEvent(file: string, streamId: string, streamVersion: number): StoredEventRow {
  return withDatabase(file, true, (db) => {
    const row = db
      .prepare<[string, number], { event_id: string; stream_id: string; stream_version: number; type: string; data: string }>(
        'SELECT event_id, stream_id, stream_version, type, data FROM events WHERE stream_id = ? AND stream_version = ?',
      )
      .get(streamId, streamVersion);
    if (!row) throw new Error(`no stored event ${streamId}@${streamVersion}`);
    return { eventId: row.event_id, streamId: row.stream_id, streamVersion: row.stream_version, type: row.type, data: JSON.parse(row.data) };
  });
}

/** Rewrites one stored event's data in place (what the hash chain must detect). */
export function tamperEventData(file: string, streamId: string, streamVersion: number, data: Record<string, unknown>): void {
  withDatabase(file, false, (db) => {
    const changed = db
      .prepare('UPDATE events SET data = ? WHERE stream_id = ? AND stream_version = ?')
      .run(JSON.stringify(data), streamId, streamVersion).changes;
    if (changed !== 1) throw new Error(`tamper touched ${changed} rows of ${streamId}@${streamVersion}`);
  });
}

/**
 * Empties the read-model documents (rm_* tables) but leaves the checkpoint, so the data only
 * comes back if `rebuild` really replays the store.
 */
export function wipeReadModelDocuments(file: string): string[] {
  return withDatabase(file, false, (db) => {
    const tables = db
      .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm\\_%' ESCAPE '\\' AND name NOT IN ('rm_meta', 'rm_checkpoint')")
      .pluck()
      .all();
    db.transaction(() => tables.forEach((t) => db.exec(`DELETE FROM "${t}"`)))();
    return tables;
  });
}

/** Deletes a stream's newest event, as an attacker cutting the end off the ledger would. */
export function deleteLastEvent(file: string, streamId: string): number {
  return withDatabase(file, false, (db) => {
    const last = db.prepare<[string], number>('SELECT max(stream_version) FROM events WHERE stream_id = ?').pluck().get(streamId);
    if (!last) throw new Error(`no events in ${streamId}`);
    db.prepare('DELETE FROM events WHERE stream_id = ? AND stream_version = ?').run(streamId, last);
    return last;
  });
}
