import { quotedSchema } from '../../../event-store/src/postgres/schema-name';
import { eventsTableOf } from './activity-rows';
import type { Queryable } from './pg-session';

/** The live tables use `rm_`; a rebuild fills `rm_next_` and renames them over the live ones. */
export const LIVE_PREFIX = 'rm_';
export const REBUILD_PREFIX = 'rm_next_';

/** One set of document tables, as schema-qualified quoted names ready for SQL. */
export interface PgReadModelTables {
  schema: string;
  org: string;
  member: string;
  memberOrg: string;
  activity: string;
  report: string;
  account: string;
  /**
   * The event store's table in the same schema, when the read model sits beside a PostgreSQL event
   * store: activities may then be stored by reference to their ActivityLogged event (activity-rows.ts).
   */
  events: string | undefined;
}

export const DOCUMENT_TABLE_KEYS = ['org', 'member', 'memberOrg', 'activity', 'report', 'account'] as const;
export type DocumentTableKey = (typeof DOCUMENT_TABLE_KEYS)[number];

const BARE_NAMES: Record<DocumentTableKey, string> = {
  org: 'org',
  member: 'member',
  memberOrg: 'member_org',
  activity: 'activity',
  report: 'report',
  account: 'account',
};

/** The bare (unqualified) name of one table of a set, e.g. `rm_member_org`. */
export function bareTableName(prefix: string, key: DocumentTableKey): string {
  return `${prefix}${BARE_NAMES[key]}`;
}

export function tablesWithPrefix(schema: string, prefix: string, options: { eventsBeside: boolean } = { eventsBeside: false }): PgReadModelTables {
  const s = quotedSchema(schema);
  const name = (key: DocumentTableKey) => `${s}."${bareTableName(prefix, key)}"`;
  return {
    schema,
    org: name('org'),
    member: name('member'),
    memberOrg: name('memberOrg'),
    activity: name('activity'),
    report: name('report'),
    account: name('account'),
    events: options.eventsBeside ? eventsTableOf(schema) : undefined,
  };
}

/** `rm_meta` (key/value, holds the version) and `rm_checkpoint` of a schema. */
export function metaTables(schema: string): { meta: string; checkpoint: string } {
  const s = quotedSchema(schema);
  return { meta: `${s}."rm_meta"`, checkpoint: `${s}."rm_checkpoint"` };
}

/**
 * Creates one set of document tables. Every id and date column is COLLATE "C": ORDER BY then
 * compares bytes, which is the code-point order JavaScript's `<` and SQLite's BINARY give for these
 * ids, whatever collation the database was created with. Documents are JSON text, parsed by us:
 * cheaper to store than jsonb, and the column is never queried inside.
 *
 * The activity table holds the document (NULL when stored by reference to its ActivityLogged event
 * at `logged_position`, see activity-rows.ts) plus what queries filter on. Without
 * `activityIndexes` the activity table is created bare, for a rebuild to load before indexing; the
 * other tables are small next to it and keep their keys from the start (a rebuild upserts them).
 * Index names are left to PostgreSQL, which picks free ones: names survive a table rename.
 */
export async function createDocumentTables(
  db: Queryable,
  t: PgReadModelTables,
  options: { activityIndexes: boolean; activityTable?: boolean },
): Promise<void> {
  const statements = [
    `CREATE TABLE ${t.org} (
      id        TEXT COLLATE "C" PRIMARY KEY,
      kind      TEXT NOT NULL,
      parent_id TEXT COLLATE "C",
      doc       TEXT NOT NULL
    )`,
    `CREATE INDEX ON ${t.org} (parent_id, id)`,
    `CREATE TABLE ${t.member} (id TEXT COLLATE "C" PRIMARY KEY, doc TEXT NOT NULL)`,
    `CREATE TABLE ${t.memberOrg} (
      org_id    TEXT COLLATE "C" NOT NULL,
      member_id TEXT COLLATE "C" NOT NULL,
      PRIMARY KEY (org_id, member_id)
    )`,
    `CREATE INDEX ON ${t.memberOrg} (member_id)`,
    `CREATE TABLE ${t.report} (
      id       TEXT COLLATE "C" PRIMARY KEY,
      org_id   TEXT COLLATE "C" NOT NULL,
      year     INTEGER NOT NULL,
      position BIGINT  NOT NULL,
      doc      TEXT    NOT NULL
    )`,
    `CREATE INDEX ON ${t.report} (org_id, position)`,
    `CREATE TABLE ${t.account} (username TEXT COLLATE "C" PRIMARY KEY, doc TEXT NOT NULL)`,
  ];
  for (const statement of statements) await db.query(statement);
  if (options.activityTable === false) return;
  // The same definition as `createActivityTableAs` gives.
  await db.query(`CREATE TABLE ${t.activity} (
    id              TEXT COLLATE "C" NOT NULL,
    org_id          TEXT COLLATE "C" NOT NULL,
    date            TEXT COLLATE "C" NOT NULL,
    voided          BOOLEAN NOT NULL,
    logged_position BIGINT  NOT NULL,
    doc             TEXT
  )`);
  if (options.activityIndexes) await createActivityIndexes(db, t);
}

/**
 * Creates the bare activity table (as `createDocumentTables` would) filled from `select`, a query
 * of rows (id, org_id, date, voided, logged_position, doc); rows without an id are left out.
 * CREATE TABLE … AS is what lets PostgreSQL run the query in parallel workers (an INSERT … SELECT
 * never does); the casts and constraints give the columns the definition above. Returns the rows
 * the query gave.
 */
export async function createActivityTableAs(db: Queryable, t: PgReadModelTables, select: string, values: unknown[]): Promise<number> {
  const created = await db.query(
    `CREATE TABLE ${t.activity} (id, org_id, date, voided, logged_position, doc) AS
       SELECT q.id::text COLLATE "C", q.org_id::text COLLATE "C", q.date::text COLLATE "C", q.voided::boolean, q.logged_position::bigint, q.doc::text
         FROM (${select}) AS q`,
    values,
  );
  await db.query(`DELETE FROM ${t.activity} WHERE id IS NULL`);
  await db.query(
    `ALTER TABLE ${t.activity} ALTER id SET NOT NULL, ALTER org_id SET NOT NULL, ALTER date SET NOT NULL, ALTER voided SET NOT NULL, ALTER logged_position SET NOT NULL`,
  );
  return created.rowCount ?? 0;
}

/** The activity table's indexes: by id (unique, for upserts and point reads) and for range queries. */
export async function createActivityIndexes(db: Queryable, t: PgReadModelTables): Promise<void> {
  await db.query(`CREATE UNIQUE INDEX ON ${t.activity} (id)`);
  await db.query(`CREATE INDEX ON ${t.activity} (org_id, date, id)`);
}

export async function dropDocumentTables(db: Queryable, t: PgReadModelTables): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS ${DOCUMENT_TABLE_KEYS.map((key) => t[key]).join(', ')}`);
}
