import type { CustomTypesConfig } from 'pg';
import { types } from 'pg';

/** The column list every event read selects, in the order `decodeEventRow` expects. */
export const EVENT_COLUMNS = 'global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash';

const INT8_OID = 20;

/**
 * Type parsers for our queries: BIGINT stays the text PostgreSQL sent, turned into a bigint by us,
 * whatever parser another module of the process may have installed globally (a float would lose
 * positions beyond 2^53). Everything else keeps pg's defaults.
 */
export const PARSERS: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => value : types.getTypeParser(oid, format ?? 'text')) as CustomTypesConfig['getTypeParser'],
};

export { decodeEventRow, decodeEventRows, EventRow } from '../event-row';
