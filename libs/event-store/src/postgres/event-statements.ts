import { EVENT_COLUMNS } from './event-row';
import { quotedSchema, schemaTag } from './schema-name';

/** A named statement: prepared once per connection by pg, then reused. */
export interface NamedSql {
  name: string;
  text: string;
}

/** Every fixed statement the store runs against one schema's event table. */
export interface EventStatements {
  /** [stream_version, hash, global_position] of a stream's last event. */
  streamHead: NamedSql;
  /** stream_id, stream_version, global_position of the stored events among an array of ids. */
  eventsById: NamedSql;
  /** Rows of one stream from a version (inclusive), at most a count (NULL = no limit). */
  readStream: NamedSql;
  headPosition: NamedSql;
  streamVersion: NamedSql;
}

/** Parameters an append statement takes before its rows: stream id, version and hash of the event before. */
const LEADING_PARAMETERS = 3;
/** Parameters of one row: event id, version, type, schema version, data, metadata, prev hash, hash. */
export const PARAMETERS_PER_ROW = 8;

/**
 * Rows one append statement writes at most; a longer batch is written in several statements of
 * one transaction. PostgreSQL takes at most 65,535 parameters a statement.
 */
export const MAX_ROWS_PER_STATEMENT = 1000;

/**
 * The statement that appends `rows` chained events of one stream, in batch order, as one unit:
 *
 * - It first takes the store's append lock (`lockKey`, see append-to-stream.ts), as a one-time
 *   filter that PostgreSQL evaluates before the first row draws its position from the sequence.
 *   Run on its own it is its own transaction, and the lock is held until it has committed.
 * - It writes nothing unless the stream holds the event the chain continues from: version $2 with
 *   hash $3 (version 0: nothing to check). A head the caller remembered wrongly costs a retry,
 *   never a broken chain.
 * - It writes everything or nothing: a taken (stream, version) or a stored event id makes it fail
 *   with a unique violation (no ON CONFLICT), and the caller sorts out replay from conflict.
 *
 * Parameters: $1 stream id, $2 previous version, $3 previous hash, then 8 a row (see
 * `appendParameters`). Answers one row: how many events were written and the last position.
 * A multi-row VALUES list (measured here: faster than unnest() of arrays, whose elements pg must
 * escape and PostgreSQL parse again).
 */
export function appendEventsSql(schema: string, rows: number, lockKey: string): string {
  if (!Number.isSafeInteger(rows) || rows < 1 || rows > MAX_ROWS_PER_STATEMENT) throw new RangeError(`rows must be 1 to ${MAX_ROWS_PER_STATEMENT}, got ${rows}`);
  if (!/^-?\d+$/.test(lockKey)) throw new RangeError(`lock key must be an integer literal, got ${lockKey}`);
  const events = `${quotedSchema(schema)}.events`;
  const values = new Array<string>(rows);
  for (let r = 0; r < rows; r++) {
    const p = LEADING_PARAMETERS + 1 + r * PARAMETERS_PER_ROW;
    // Types spelled out on every row: a VALUES list under SELECT does not take them from the table.
    values[r] = `($${p}::text,$${p + 1}::int,$${p + 2}::text,$${p + 3}::int,$${p + 4}::text,$${p + 5}::text,$${p + 6}::text,$${p + 7}::text)`;
  }
  return (
    `WITH written AS (` +
    `INSERT INTO ${events} (stream_id, event_id, stream_version, type, schema_version, data, metadata, prev_hash, hash) ` +
    `SELECT $1::text, v.* FROM (VALUES ${values.join(',')}) AS v ` +
    `WHERE (SELECT pg_advisory_xact_lock(${lockKey})) IS NOT NULL ` +
    `AND ($2::int = 0 OR EXISTS (SELECT 1 FROM ${events} WHERE stream_id = $1::text AND stream_version = $2::int AND hash = $3::text)) ` +
    `RETURNING global_position` +
    `) SELECT count(*)::int AS written, max(global_position) AS last_position FROM written`
  );
}

export function eventStatements(schema: string): EventStatements {
  const events = `${quotedSchema(schema)}.events`;
  const named = (name: string, text: string): NamedSql => ({ name: `tz_${schemaTag(schema)}_${name}`, text });
  return {
    streamHead: named(
      'stream_head',
      `SELECT stream_version, hash, global_position FROM ${events} WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1`,
    ),
    eventsById: named(
      'events_by_id',
      `SELECT event_id, stream_id, stream_version, global_position FROM ${events} WHERE event_id = ANY($1::text[])`,
    ),
    readStream: named(
      'read_stream',
      `SELECT ${EVENT_COLUMNS} FROM ${events} WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version LIMIT $3`,
    ),
    headPosition: named('head_position', `SELECT max(global_position) AS head FROM ${events}`),
    streamVersion: named('stream_version', `SELECT max(stream_version) AS version FROM ${events} WHERE stream_id = $1`),
  };
}

/**
 * The append statements of one store, one text per row count, built once. Counts up to
 * `NAMED_UP_TO` are named (prepared once per connection and reused: the batch sizes that repeat);
 * longer ones are rare enough to be parsed each time rather than kept in every connection.
 */
export class AppendStatements {
  private readonly byRows = new Map<number, { name?: string; text: string }>();

  constructor(
    private readonly schema: string,
    private readonly lockKey: string,
    private readonly namedUpTo: number = NAMED_UP_TO,
  ) {}

  forRows(rows: number): { name?: string; text: string } {
    let statement = this.byRows.get(rows);
    if (!statement) {
      const text = appendEventsSql(this.schema, rows, this.lockKey);
      statement = rows <= this.namedUpTo ? { name: `tz_${schemaTag(this.schema)}_append_${rows}`, text } : { text };
      if (this.byRows.size < MAX_REMEMBERED_TEXTS) this.byRows.set(rows, statement);
    }
    return statement;
  }
}

/** Row counts whose append statements are prepared (see `AppendStatements`). */
export const NAMED_UP_TO = 100;
const MAX_REMEMBERED_TEXTS = 200;
