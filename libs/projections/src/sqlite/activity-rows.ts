import type { ActivityDoc } from '../../../domain/src/state';
import { upcast } from '../../../event-store/src/upcasters';
import { decodeEventRow, EVENT_COLUMNS, EventRow } from '../../../event-store/src/sqlite/event-row';
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

/** Columns for a statement that selects `a.doc` then the referenced event's columns (NULL when doc is set). */
export function activitySelect(activityTable: string): string {
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

/** Parameters for (id, org_id, date, voided, logged_position, doc). */
export type ActivityRowValues = [string, string, string, number, bigint, string | null];

export function encodeActivity(doc: ActivityDoc): ActivityRowValues {
  const logged = doc.revisions[0];
  const byReference = doc.revisions.length === 1 && logged.type === 'ActivityLogged';
  return [doc.id, doc.orgId, doc.details.date, doc.voided ? 1 : 0, BigInt(logged.globalPosition), byReference ? null : JSON.stringify(doc)];
}
