import { StoredEvent } from './envelope';

/**
 * An event as the SQL adapters read it, in array mode (cheaper than an object per row): the global
 * position arrives as text and becomes a bigint here, so it never passes through a float.
 */
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
