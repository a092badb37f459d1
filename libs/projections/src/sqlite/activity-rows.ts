import { ACTIVITY_LOGGED, CURRENT_SCHEMA_VERSIONS, type ActivityLoggedData } from '../../../domain/src/events';
import type { ActivityDoc } from '../../../domain/src/state';
import { upcast } from '../../../event-store/src/upcasters';
import { decodeEventRow, EVENT_COLUMNS, EventRow } from '../../../event-store/src/sqlite/event-row';
import type { ActivityFacts } from '../ledger-view';
import { activityReducer } from '../reducers/activity-reducer';

/**
 * How activity documents sit in `rm_activity`. A document that is exactly what its ActivityLogged
 * event makes (one revision) is stored by reference: `doc` NULL, `logged_position` naming the event.
 * Reading joins the event store's `events` table (same file) and runs the same reducer, so such a
 * document costs no bytes to write and is never out of step with the event.
 *
 * This is the one place the read model knows the event store's table; it borrows the adapter's own
 * column list and row decoder so a change there is a compile error here, not a silent mismatch.
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

/** A raw row of `activitySelect`: the stored doc or null, then an event row (all null when doc is set). */
export type ActivityRow = [doc: string | null, ...event: EventRow] | [doc: string, ...nulls: null[]];

export function decodeActivityRow(row: ActivityRow): ActivityDoc {
  if (row[0] !== null) return JSON.parse(row[0]) as ActivityDoc;
  if (row[1] === null) throw new Error('rm_activity refers to an event the store does not hold');
  const event = decodeEventRow(row.slice(1) as EventRow);
  const doc = activityReducer(undefined, upcast(event));
  if (!doc) throw new Error(`rm_activity refers to event ${event.globalPosition}, which is not an ActivityLogged event`);
  return doc;
}

/**
 * Columns for a statement that reads only an activity's facts: its stored doc, or else the type,
 * schema version and data of the event it refers to (no metadata, no hashes).
 */
export function activityFactsSelect(activityTable: string, eventsBeside = true): string {
  if (!eventsBeside) return `SELECT a.id, a.doc, NULL, NULL, NULL FROM ${activityTable} a`;
  return `SELECT a.id, a.doc, e.type, e.schema_version, e.data FROM ${activityTable} a LEFT JOIN events e ON a.doc IS NULL AND e.global_position = a.logged_position`;
}

export type ActivityFactsRow = [id: string, doc: string | null, type: string | null, schemaVersion: number | null, data: string | null];

/**
 * The facts of an activity, read without its history. A stored doc is parsed; an activity stored by
 * reference says what its ActivityLogged event says, which the reducer copies into a new document
 * (id, org and record; never voided): that event's data is all there is to parse, provided it is at
 * its type's current schema version (upcasters lift only older ones). For an older event this
 * returns undefined: the caller reads the whole document, through upcaster and reducer.
 */
export function decodeActivityFactsRow(row: ActivityFactsRow): ActivityFacts | undefined {
  if (row[1] !== null) return factsOf(JSON.parse(row[1]) as ActivityDoc);
  if (row[2] !== ACTIVITY_LOGGED || row[3] !== CURRENT_SCHEMA_VERSIONS[ACTIVITY_LOGGED] || row[4] === null) return undefined;
  const data = JSON.parse(row[4]) as ActivityLoggedData;
  return { id: data.activityId, orgId: data.orgId, voided: false, details: data.activity };
}

/** The facts of a whole document (leaving out its history). */
export function factsOf(doc: ActivityDoc): ActivityFacts {
  return { id: doc.id, orgId: doc.orgId, voided: doc.voided, details: doc.details };
}

/** Parameters for (id, org_id, date, voided, logged_position, doc). */
export type ActivityRowValues = [string, string, string, number, bigint, string | null];

/** Row values for a document; stored by reference only when its event is in the same file (`eventsBeside`). */
export function encodeActivity(doc: ActivityDoc, eventsBeside = true): ActivityRowValues {
  const logged = doc.revisions[0];
  const byReference = eventsBeside && doc.revisions.length === 1 && logged.type === 'ActivityLogged';
  return [doc.id, doc.orgId, doc.details.date, doc.voided ? 1 : 0, BigInt(logged.globalPosition), byReference ? null : JSON.stringify(doc)];
}
