import { EVENT_COLUMNS } from '../../../event-store/src/postgres/event-row';
import { quotedSchema } from '../../../event-store/src/postgres/schema-name';

export {
  ActivityFactsRow,
  ActivityRow,
  decodeActivityFactsRow,
  decodeActivityRows,
  factsOf,
  storedByReference,
} from '../activity-by-reference';

/**
 * How activity documents sit in PostgreSQL's `rm_activity` (see activity-by-reference.ts). When the
 * read model shares its schema with the PostgreSQL event store (`eventsBeside`), a document that is
 * exactly what its ActivityLogged event makes is stored by reference; otherwise every document is
 * stored in full.
 *
 * This and events-beside.ts are the only places the read model knows the event store's table; they
 * borrow the adapter's column list, so a change there is a compile error here.
 */

/** The events table of the store whose schema the read model shares. */
export function eventsTableOf(schema: string): string {
  return `${quotedSchema(schema)}.events`;
}

const EVENT_COLUMN_COUNT = EVENT_COLUMNS.split(',').length;

/** `e.`-qualified event columns, in `decodeEventRow`'s order. */
const JOINED_EVENT_COLUMNS = EVENT_COLUMNS.split(',')
  .map((column) => `e.${column.trim()}`)
  .join(', ');

/**
 * Columns and tables for a statement that selects `a.doc` then the referenced event's columns (all
 * NULL when doc is set, or when there are no events beside). Conditions refer to the table as `a`.
 */
export function activitySelect(activityTable: string, eventsTable: string | undefined): string {
  if (eventsTable === undefined) return `SELECT a.doc, ${Array(EVENT_COLUMN_COUNT).fill('NULL').join(', ')} FROM ${activityTable} a`;
  return `SELECT a.doc, ${JOINED_EVENT_COLUMNS} FROM ${activityTable} a LEFT JOIN ${eventsTable} e ON a.doc IS NULL AND e.global_position = a.logged_position`;
}

/** The documents of the activities whose ids are in the text array $1 (any order). */
export function activitiesByIdsSql(activityTable: string, eventsTable: string | undefined): string {
  return `${activitySelect(activityTable, eventsTable)} WHERE a.id = ANY($1::text[])`;
}

/**
 * Columns for a statement that reads only an activity's facts: its stored doc, or else the type,
 * schema version and data of the event it refers to (no metadata, no hashes).
 */
export function activityFactsSelect(activityTable: string, eventsTable: string | undefined): string {
  if (eventsTable === undefined) return `SELECT a.id, a.doc, NULL, NULL, NULL FROM ${activityTable} a`;
  return `SELECT a.id, a.doc, e.type, e.schema_version, e.data FROM ${activityTable} a LEFT JOIN ${eventsTable} e ON a.doc IS NULL AND e.global_position = a.logged_position`;
}
