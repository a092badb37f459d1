import { ACTIVITY_LOGGED, CURRENT_SCHEMA_VERSIONS, type ActivityLoggedData } from '../../domain/src/events';
import type { ActivityDoc } from '../../domain/src/state';
import { decodeEventRow, type EventRow } from '../../event-store/src/event-row';
import { upcast } from '../../event-store/src/upcasters';
import type { ActivityFacts } from './ledger-view';
import { activityReducer } from './reducers/activity-reducer';

/**
 * Activity documents stored by reference, shared by the SQLite and PostgreSQL read models. A
 * document that is exactly what its ActivityLogged event makes (one revision, not voided) may be
 * stored as `doc` NULL plus the event's global position; reads join the store's `events` table and
 * run the same reducer, so the stored copy can never drift from the event. Each adapter writes its
 * own SELECT (table names differ); the rows it gets back are decoded here.
 */

/** A raw activity row: the stored doc or null, then an event row (all null when doc is set). */
export type ActivityRow = [doc: string | null, ...event: EventRow] | [doc: string, ...nulls: null[]];

export function decodeActivityRow(row: ActivityRow): ActivityDoc {
  if (row[0] !== null) return JSON.parse(row[0]) as ActivityDoc;
  if (row[1] === null) throw new Error('rm_activity refers to an event the store does not hold');
  const event = decodeEventRow(row.slice(1) as EventRow);
  const doc = activityReducer(undefined, upcast(event));
  if (!doc) throw new Error(`rm_activity refers to event ${event.globalPosition}, which is not an ActivityLogged event`);
  return doc;
}

export function decodeActivityRows(rows: ActivityRow[]): ActivityDoc[] {
  const out = new Array<ActivityDoc>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = decodeActivityRow(rows[i]);
  return out;
}

/** A raw facts row: id, stored doc, then the referenced event's type, schema version and data. */
export type ActivityFactsRow = [id: string, doc: string | null, type: string | null, schemaVersion: number | null, data: string | null];

/**
 * The facts of an activity, read without its history. A stored doc is parsed; an activity stored by
 * reference says what its ActivityLogged event says (the reducer copies id, org and record, and a
 * new document is never voided), provided the event is at its type's current schema version, since
 * upcasters lift only older ones. For an older event this returns undefined: the caller reads the
 * whole document, through upcaster and reducer.
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

/** True when `doc` may be stored by reference: exactly what its ActivityLogged event makes. */
export function storedByReference(doc: ActivityDoc): boolean {
  return doc.revisions.length === 1 && doc.revisions[0].type === ACTIVITY_LOGGED && !doc.voided;
}
