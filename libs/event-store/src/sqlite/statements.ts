import type { Database, Statement } from 'better-sqlite3';
import { EVENT_COLUMNS } from './event-row';

/**
 * Every statement the store runs, prepared once per connection. Lookups use safe integers, so a
 * position comes back as bigint; event reads decode positions themselves (see event-row.ts).
 */
export interface EventStatements {
  /** [stream_id, stream_version, global_position] of a stored event id. */
  eventById: Statement<[string], unknown>;
  /** [stream_version, hash, global_position] of a stream's last event. */
  streamHead: Statement<[string], unknown>;
  insertEvent: Statement<[string, string, number, string, number, string, string, string, string], unknown>;
  /** Rows of one stream from a version (inclusive), at most a count (-1 = no limit). */
  readStream: Statement<[string, number, number], unknown>;
  headPosition: Statement<[], unknown>;
  streamVersion: Statement<[string], unknown>;
}

export function prepareEventStatements(db: Database): EventStatements {
  const lookup = <P extends unknown[]>(sql: string) => db.prepare<P, unknown>(sql).raw(true).safeIntegers(true);
  const rows = <P extends unknown[]>(sql: string) => db.prepare<P, unknown>(sql).raw(true);
  const value = <P extends unknown[]>(sql: string) => db.prepare<P, unknown>(sql).pluck(true).safeIntegers(true);
  return {
    eventById: lookup('SELECT stream_id, stream_version, global_position FROM events WHERE event_id = ?'),
    streamHead: lookup(
      'SELECT stream_version, hash, global_position FROM events WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1',
    ),
    insertEvent: db
      .prepare<[string, string, number, string, number, string, string, string, string], unknown>(
        `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .safeIntegers(true),
    readStream: rows(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version LIMIT ?`,
    ),
    headPosition: value('SELECT max(global_position) FROM events'),
    streamVersion: value('SELECT max(stream_version) FROM events WHERE stream_id = ?'),
  };
}
