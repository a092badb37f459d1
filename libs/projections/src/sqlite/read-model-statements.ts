import type { Database, Statement } from 'better-sqlite3';
import { ActivityRow, activitySelect, ActivityRowValues } from './activity-rows';
import type { ReadModelTables } from './read-model-tables';

/** Every statement run against one set of rm_ tables, prepared once per connection. */
export interface ReadModelStatements {
  orgDoc: Statement<[string], string>;
  putOrg: Statement<[string, string, string | null, string], unknown>;
  allOrgDocs: Statement<[], string>;
  childOrgDocs: Statement<[string], string>;

  memberDoc: Statement<[string], string>;
  putMember: Statement<[string, string], unknown>;
  /** A member's org list is rewritten whole with its doc (a dropped empty stint may remove an org). */
  deleteMemberOrgs: Statement<[string], unknown>;
  putMemberOrg: Statement<[string, string], unknown>;
  allMemberDocs: Statement<[], string>;
  /** Parameter: a JSON array of org ids. */
  memberDocsOfOrgs: Statement<[string], string>;

  activityRow: Statement<[string], ActivityRow>;
  /** Insert-or-replace by id (needs the unique index). */
  putActivity: Statement<ActivityRowValues, unknown>;
  /** Plain insert, for a rebuild loading a table that has no index yet. */
  insertActivity: Statement<ActivityRowValues, unknown>;
  /** Parameters: JSON array of org ids, from, to (inclusive civil dates). */
  activityRowsInRange: Statement<[string, string, string], ActivityRow>;
  liveActivityRowsInRange: Statement<[string, string, string], ActivityRow>;
}

export function prepareReadModelStatements(db: Database, t: ReadModelTables): ReadModelStatements {
  const doc = <P extends unknown[]>(sql: string) => db.prepare<P, string>(sql).pluck(true);
  const run = <P extends unknown[]>(sql: string) => db.prepare<P, unknown>(sql);
  // Raw rows, prepared the way the store prepares its own reads: the event columns go through its decoder.
  const activityRows = <P extends unknown[]>(where: string) => db.prepare<P, ActivityRow>(`${activitySelect(t.activity)} ${where}`).raw(true);
  const inRange = (voided: string) =>
    activityRows<[string, string, string]>(
      `WHERE a.org_id IN (SELECT value FROM json_each(?)) AND a.date >= ? AND a.date <= ? ${voided} ORDER BY a.date, a.id`,
    );
  const activityColumns = `${t.activity} (id, org_id, date, voided, logged_position, doc) VALUES (?, ?, ?, ?, ?, ?)`;
  return lazily<ReadModelStatements>({
    orgDoc: () => doc(`SELECT doc FROM ${t.org} WHERE id = ?`),
    putOrg: () => run(
      `INSERT INTO ${t.org} (id, kind, parent_id, doc) VALUES (?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, parent_id = excluded.parent_id, doc = excluded.doc`,
    ),
    allOrgDocs: () => doc(`SELECT doc FROM ${t.org} ORDER BY id`),
    childOrgDocs: () => doc(`SELECT doc FROM ${t.org} WHERE parent_id = ? ORDER BY id`),

    memberDoc: () => doc(`SELECT doc FROM ${t.member} WHERE id = ?`),
    putMember: () => run(`INSERT INTO ${t.member} (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`),
    deleteMemberOrgs: () => run(`DELETE FROM ${t.memberOrg} WHERE member_id = ?`),
    putMemberOrg: () => run(`INSERT OR IGNORE INTO ${t.memberOrg} (org_id, member_id) VALUES (?, ?)`),
    allMemberDocs: () => doc(`SELECT doc FROM ${t.member} ORDER BY id`),
    memberDocsOfOrgs: () => doc(
      `SELECT doc FROM ${t.member}
        WHERE id IN (SELECT member_id FROM ${t.memberOrg} WHERE org_id IN (SELECT value FROM json_each(?)))
        ORDER BY id`,
    ),

    activityRow: () => activityRows<[string]>('WHERE a.id = ?'),
    putActivity: () => run(
      `INSERT INTO ${activityColumns}
       ON CONFLICT(id) DO UPDATE SET org_id = excluded.org_id, date = excluded.date, voided = excluded.voided,
         logged_position = excluded.logged_position, doc = excluded.doc`,
    ),
    insertActivity: () => run(`INSERT INTO ${activityColumns}`),
    activityRowsInRange: () => inRange(''),
    liveActivityRowsInRange: () => inRange('AND a.voided = 0'),
  });
}

/**
 * Prepares each statement on first use: a rebuild's tables get their unique index only after
 * loading, and SQLite refuses to prepare an upsert on `id` before that index exists.
 */
function lazily<T extends object>(factories: { [K in keyof T]: () => T[K] }): T {
  const out = {} as T;
  for (const key of Object.keys(factories) as (keyof T)[]) {
    let value: T[typeof key] | undefined;
    Object.defineProperty(out, key, { enumerable: true, get: () => (value ??= factories[key]()) });
  }
  return out;
}
