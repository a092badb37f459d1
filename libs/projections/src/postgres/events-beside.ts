import { ACTIVITY_LOGGED, CURRENT_SCHEMA_VERSIONS } from '../../../domain/src/events';
import { ORG_STREAM_PREFIX } from '../../../domain/src/events/domain-event';
import type { StoredEvent } from '../../../event-store/src/envelope';
import { decodeEventRows, EVENT_COLUMNS, EventRow, PARSERS } from '../../../event-store/src/postgres/event-row';
import type { Queryable } from './pg-session';
import { createActivityTableAs, PgReadModelTables } from './read-model-tables';

/**
 * What a rebuild beside a PostgreSQL event store does in the database itself. Every ActivityLogged
 * event at the current schema version makes a document that is stored by reference (activity-rows.ts),
 * whose row needs nothing but the event's id, org and date: one INSERT … SELECT writes them all, and
 * node folds only the other events (`readOtherEvents`, the exact complement of `loggedHere`). The one thing those
 * events do to another document, moving their org stream's version, is settled afterwards by
 * `lastOrgStreamVersions`.
 */

/**
 * The events the database folds by itself: ActivityLogged at the current version (older ones need
 * their upcaster) whose data holds no escape (so jsonb reads it as JSON.parse does).
 */
function loggedHere(alias = ''): string {
  return (
    `${alias}type = '${ACTIVITY_LOGGED}' AND ${alias}schema_version = ${CURRENT_SCHEMA_VERSIONS[ACTIVITY_LOGGED]}` +
    // No escape at all: jsonb refuses some \u escapes that JSON.parse takes (\u0000, lone surrogates).
    // Looking for any backslash is one byte search, measured twice as fast as LIKE '%\u%' over a
    // million events; the few texts with other escapes (quotes, line breaks) go through node too.
    ` AND strpos(${alias}data, '\\') = 0`
  );
}

/**
 * Creates the rebuild's bare activity table holding a by-reference row for each ActivityLogged event
 * `loggedHere` up to `until`; returns how many events that covers. Each event's data is parsed once
 * (`jsonb_to_record`), in parallel workers. An event without an activity id routes to no activity,
 * as in the reducers, and gets no row. Runs inside a transaction (its planner settings are local to it).
 */
export async function createLoggedActivityTable(db: Queryable, tables: PgReadModelTables, eventsTable: string, until: bigint): Promise<number> {
  // Most of the table is read: a sequential scan, shared out among parallel workers. The planner
  // would not choose that by itself: it prices parsing JSON as nearly free, and a freshly loaded
  // table has no statistics yet (its estimates then favour an index).
  for (const setting of ['parallel_setup_cost = 0', 'parallel_tuple_cost = 0', 'enable_indexscan = off', 'enable_bitmapscan = off']) {
    await db.query(`SET LOCAL ${setting}`);
  }
  return createActivityTableAs(
    db,
    tables,
    `SELECT r."activityId" AS id, r."orgId" AS org_id, r.activity ->> 'date' AS date, false AS voided, e.global_position AS logged_position, NULL AS doc
       FROM ${eventsTable} e CROSS JOIN LATERAL jsonb_to_record(e.data::jsonb) AS r ("activityId" text, "orgId" text, activity jsonb)
      WHERE ${loggedHere('e.')} AND e.global_position <= $1::bigint`,
    [until.toString()],
  );
}

/**
 * One page of the events `insertLoggedActivities` leaves to node, after `from` and up to `until`,
 * in global order (positions up to `until` are all committed: the store's append lock makes every
 * snapshot hold a gap-free prefix, see append-to-stream.ts).
 */
export async function readOtherEvents(db: Queryable, eventsTable: string, from: bigint, until: bigint, maxCount: number): Promise<StoredEvent[]> {
  const result = await db.query<EventRow>({
    text:
      `SELECT ${EVENT_COLUMNS} FROM ${eventsTable} WHERE global_position > $1::bigint AND global_position <= $2::bigint ` +
      `AND NOT (${loggedHere()}) ORDER BY global_position LIMIT $3::int`,
    values: [from.toString(), until.toString(), maxCount],
    rowMode: 'array',
    types: PARSERS,
  });
  return decodeEventRows(result.rows);
}

/**
 * Every event of an org's own stream moves its document's `streamVersion` to the event's version
 * once the document exists (org-reducer.ts), so after a fold that left some out, the right version
 * is that of the last event of `org-<id>` after the one that created the document, up to `until`.
 * `createdAt` maps org ids to that position; orgs whose stream has nothing after it are left out.
 */
export async function lastOrgStreamVersions(db: Queryable, eventsTable: string, createdAt: ReadonlyMap<string, bigint>, until: bigint): Promise<Map<string, number>> {
  const ids = [...createdAt.keys()];
  // The stream's last event up to `until` (a backward walk of its (stream_id, stream_version) key), if after the creation.
  const result = await db.query<[string, number]>({
    text: `SELECT c.id, last.stream_version
             FROM unnest($2::text[], $3::bigint[]) AS c (id, created)
             CROSS JOIN LATERAL (SELECT e.stream_version, e.global_position FROM ${eventsTable} e
                                  WHERE e.stream_id = $1 || c.id AND e.global_position <= $4::bigint
                                  ORDER BY e.stream_version DESC LIMIT 1) AS last
            WHERE last.global_position > c.created`,
    values: [ORG_STREAM_PREFIX, ids, ids.map((id) => (createdAt.get(id) as bigint).toString()), until.toString()],
    rowMode: 'array',
  });
  const versions = new Map<string, number>();
  for (const [id, version] of result.rows) versions.set(id, version);
  return versions;
}
