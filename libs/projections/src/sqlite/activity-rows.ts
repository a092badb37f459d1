import type { ActivityDoc } from '../../../domain/src/state';
import { EVENT_COLUMNS } from '../../../event-store/src/sqlite/event-row';
import { storedByReference } from '../activity-by-reference';

export { ActivityFactsRow, ActivityRow, decodeActivityFactsRow, decodeActivityRow, factsOf } from '../activity-by-reference';

/**
 * How activity documents sit in SQLite's `rm_activity` (see activity-by-reference.ts). Reading a
 * document stored by reference joins the event store's `events` table in the same file.
 *
 * This is the one place the SQLite read model knows the event store's table; it borrows the
 * adapter's own column list so a change there is a compile error here, not a silent mismatch.
 */

/** How many columns `EVENT_COLUMNS` selects: a read model without events beside it selects as many NULLs. */
const EVENT_COLUMN_COUNT = EVENT_COLUMNS.split(',').length;

/**
 * Columns for a statement that selects `a.doc` then the referenced event's columns (NULL when doc is
 * set). A read model in a file of its own (`eventsBeside` false) stores every document in full and
 * has no events table to join.
 */
export function activitySelect(activityTable: string, eventsBeside = true): string {
  if (!eventsBeside) return `SELECT a.doc, ${Array(EVENT_COLUMN_COUNT).fill('NULL').join(', ')} FROM ${activityTable} a`;
  return `SELECT a.doc, ${EVENT_COLUMNS} FROM ${activityTable} a LEFT JOIN events e ON a.doc IS NULL AND e.global_position = a.logged_position`;
}

/**
 * Columns for a statement that reads only an activity's facts: its stored doc, or else the type,
 * schema version and data of the event it refers to (no metadata, no hashes).
 */
export function activityFactsSelect(activityTable: string, eventsBeside = true): string {
  if (!eventsBeside) return `SELECT a.id, a.doc, NULL, NULL, NULL FROM ${activityTable} a`;
  return `SELECT a.id, a.doc, e.type, e.schema_version, e.data FROM ${activityTable} a LEFT JOIN events e ON a.doc IS NULL AND e.global_position = a.logged_position`;
}

/** Parameters for (id, org_id, date, voided, logged_position, doc). */
export type ActivityRowValues = [string, string, string, number, bigint, string | null];

/** Row values for a document; stored by reference only when its event is in the same file (`eventsBeside`). */
export function encodeActivity(doc: ActivityDoc, eventsBeside = true): ActivityRowValues {
  const byReference = eventsBeside && storedByReference(doc);
  return [doc.id, doc.orgId, doc.details.date, doc.voided ? 1 : 0, BigInt(doc.revisions[0].globalPosition), byReference ? null : JSON.stringify(doc)];
}
