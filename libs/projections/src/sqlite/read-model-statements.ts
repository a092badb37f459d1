import type { Database, Statement } from 'better-sqlite3';
import { ActivityFactsRow, activityFactsSelect, ActivityRow, activitySelect, ActivityRowValues } from './activity-rows';
import type { ReadModelTables } from './read-model-tables';

/** Every statement run against one set of rm_ tables, prepared once per connection. */
export interface ReadModelStatements {
  /** The store's events table is in the same file: activities may be stored by reference to it. */
  eventsBeside: boolean;

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

  // A rebuild's activity table has no index while it loads: it places rows and finds them by rowid.
  activityRowAt: Statement<[number], ActivityRow>;
  activityIdAt: Statement<[number], string>;
  /**
   * Inserts `rows` rows (1 to `ACTIVITY_INSERT_BATCH`) in one statement; parameters, row after row:
   * the rowid, then `encodeActivity`'s values.
   */
  insertActivitiesAt(rows: number): Statement<unknown[], unknown>;
  /** Parameters: `encodeActivity`'s values, then the rowid. */
  updateActivityAt: Statement<[...ActivityRowValues, number], unknown>;

  /** Parameters: JSON array of org ids, from, to (inclusive civil dates). */
  activityRowsInRange: Statement<[string, string, string], ActivityRow>;
  liveActivityRowsInRange: Statement<[string, string, string], ActivityRow>;
  /** The facts of the live (not voided) activities in range; parameters as `liveActivityRowsInRange`. */
  liveActivityFactsInRange: Statement<[string, string, string], ActivityFactsRow>;

  reportDoc: Statement<[string], string>;
  /** Parameters: report id, org id, year, global position, document. */
  putReport: Statement<[string, string, number, bigint, string], unknown>;
  /** Newest recording first. */
  allReportDocs: Statement<[], string>;
  reportDocsOfOrg: Statement<[string], string>;

  accountDoc: Statement<[string], string>;
  /** Parameters: username, document. */
  putAccount: Statement<[string, string], unknown>;
  /** By username. */
  allAccountDocs: Statement<[], string>;
  accountCount: Statement<[], number>;
}

/** Rows per multi-row insert in a rebuild: one call into SQLite instead of fifty, bound from one array. */
export const ACTIVITY_INSERT_BATCH = 50;

export interface ReadModelStatementOptions {
  /** Default true: the read model shares the event store's file (see `activitySelect`). */
  eventsBeside?: boolean;
}

export function prepareReadModelStatements(db: Database, t: ReadModelTables, options: ReadModelStatementOptions = {}): ReadModelStatements {
  const eventsBeside = options.eventsBeside ?? true;
  const doc = <P extends unknown[]>(sql: string) => db.prepare<P, string>(sql).pluck(true);
  const run = <P extends unknown[]>(sql: string) => db.prepare<P, unknown>(sql);
  // Raw rows, prepared the way the store prepares its own reads: the event columns go through its decoder.
  const activityRows = <P extends unknown[]>(where: string) => db.prepare<P, ActivityRow>(`${activitySelect(t.activity, eventsBeside)} ${where}`).raw(true);
  const rangeWhere = (voided: string) =>
    `WHERE a.org_id IN (SELECT value FROM json_each(?)) AND a.date >= ? AND a.date <= ? ${voided} ORDER BY a.date, a.id`;
  const inRange = (voided: string) => activityRows<[string, string, string]>(rangeWhere(voided));
  const activityColumns = `${t.activity} (id, org_id, date, voided, logged_position, doc) VALUES (?, ?, ?, ?, ?, ?)`;
  const insertsByRows = new Map<number, Statement<unknown[], unknown>>();
  const insertActivitiesAt = (rows: number) => {
    if (!Number.isInteger(rows) || rows < 1 || rows > ACTIVITY_INSERT_BATCH) throw new RangeError(`cannot insert ${rows} rows at once`);
    let statement = insertsByRows.get(rows);
    if (!statement) {
      const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
      statement = run<unknown[]>(`INSERT INTO ${t.activity} (rowid, id, org_id, date, voided, logged_position, doc) VALUES ${values}`);
      insertsByRows.set(rows, statement);
    }
    return statement;
  };
  return lazily<ReadModelStatements>({
    eventsBeside: () => eventsBeside,
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
    activityRowAt: () => activityRows<[number]>('WHERE a.rowid = ?'),
    activityIdAt: () => doc(`SELECT id FROM ${t.activity} WHERE rowid = ?`),
    insertActivitiesAt: () => insertActivitiesAt,
    updateActivityAt: () => run(
      `UPDATE ${t.activity} SET id = ?, org_id = ?, date = ?, voided = ?, logged_position = ?, doc = ? WHERE rowid = ?`,
    ),
    activityRowsInRange: () => inRange(''),
    liveActivityRowsInRange: () => inRange('AND a.voided = 0'),
    liveActivityFactsInRange: () =>
      db.prepare<[string, string, string], ActivityFactsRow>(`${activityFactsSelect(t.activity, eventsBeside)} ${rangeWhere('AND a.voided = 0')}`).raw(true),

    reportDoc: () => doc(`SELECT doc FROM ${t.report} WHERE id = ?`),
    putReport: () => run(
      `INSERT INTO ${t.report} (id, org_id, year, position, doc) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET org_id = excluded.org_id, year = excluded.year, position = excluded.position, doc = excluded.doc`,
    ),
    allReportDocs: () => doc(`SELECT doc FROM ${t.report} ORDER BY position DESC`),
    reportDocsOfOrg: () => doc(`SELECT doc FROM ${t.report} WHERE org_id = ? ORDER BY position DESC`),

    accountDoc: () => doc(`SELECT doc FROM ${t.account} WHERE username = ?`),
    putAccount: () => run(`INSERT INTO ${t.account} (username, doc) VALUES (?, ?) ON CONFLICT(username) DO UPDATE SET doc = excluded.doc`),
    allAccountDocs: () => doc(`SELECT doc FROM ${t.account} ORDER BY username`),
    accountCount: () => db.prepare<[], number>(`SELECT count(*) FROM ${t.account}`).pluck(true),
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
