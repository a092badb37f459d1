import { StoredEvent } from '../envelope';

/**
 * The column list every event read selects, in the order `decodeEventRow` expects. The global
 * position is read as text and turned into a bigint, so it never passes through a float; the small
 * integers come as plain numbers (cheaper than safe-integer mode, which makes every column a bigint).
 */
export const EVENT_COLUMNS =
  'CAST(global_position AS TEXT), event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash';

/** A row as read by a raw statement: an array, cheaper than an object per row. */
export type EventRow = [
  globalPosition: string,
  eventId: string,
  streamId: string,
  streamVersion: number,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  prevHash: string,
  hash: string,
];

export function decodeEventRow(row: EventRow): StoredEvent {
  return {
    eventId: row[1],
    type: row[4],
    schemaVersion: row[5],
    data: JSON.parse(row[6]) as unknown,
    metadata: JSON.parse(row[7]) as StoredEvent['metadata'],
    streamId: row[2],
    streamVersion: row[3],
    globalPosition: BigInt(row[0]),
    prevHash: row[8],
    hash: row[9],
  };
}

export function decodeEventRows(rows: EventRow[]): StoredEvent[] {
  const out = new Array<StoredEvent>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = decodeEventRow(rows[i]);
  return out;
}
