/**
 * The column list every event read selects, in the order `decodeEventRow` expects. The global
 * position is read as text and turned into a bigint, so it never passes through a float; the small
 * integers come as plain numbers (cheaper than safe-integer mode, which makes every column a bigint).
 */
export const EVENT_COLUMNS =
  'CAST(global_position AS TEXT), event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash';

export { decodeEventRow, decodeEventRows, EventRow } from '../event-row';
