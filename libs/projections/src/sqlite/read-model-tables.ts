import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';

/** The live tables use `rm_`; a rebuild fills `rm_next_` and renames them over the live ones. */
export const LIVE_PREFIX = 'rm_';
export const REBUILD_PREFIX = 'rm_next_';

export interface ReadModelTables {
  org: string;
  member: string;
  memberOrg: string;
  activity: string;
  report: string;
  account: string;
}

/** Every table of a set, by key: what a rebuild swaps in and a schema change drops. */
export const DOCUMENT_TABLE_KEYS = ['org', 'member', 'memberOrg', 'activity', 'report', 'account'] as const;

export function tablesWithPrefix(prefix: string): ReadModelTables {
  return {
    org: `${prefix}org`,
    member: `${prefix}member`,
    memberOrg: `${prefix}member_org`,
    activity: `${prefix}activity`,
    report: `${prefix}report`,
    account: `${prefix}account`,
  };
}

/**
 * Creates one set of document tables. `rm_activity` keeps its rowid (insertion order) with a
 * separate unique index on `id`, and holds the document only once it differs from what its
 * `ActivityLogged` event says: `doc` is NULL for an activity never corrected or voided, and the
 * document is rebuilt from the event at `logged_position` when read. Most activities are never
 * touched again, so the read model does not store the ledger's content a second time.
 * `rm_member_org` lists every org a member had a stint in, for `listMembers(orgIds)`.
 * `rm_report` holds recorded reports (a few per org and year, so it is created with its index
 * even for a rebuild); `position` orders them, newest recording first. `rm_account` holds login
 * accounts by username (a handful, read by primary key or whole).
 */
export function createDocumentTables(db: Database, t: ReadModelTables, options: { indexes: boolean }): void {
  db.exec(`
    CREATE TABLE ${t.org} (id TEXT PRIMARY KEY, kind TEXT NOT NULL, parent_id TEXT, doc TEXT NOT NULL) WITHOUT ROWID;
    CREATE INDEX ${indexName(t.org, 'by_parent')} ON ${t.org} (parent_id);
    CREATE TABLE ${t.member} (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
    CREATE TABLE ${t.memberOrg} (org_id TEXT NOT NULL, member_id TEXT NOT NULL, PRIMARY KEY (org_id, member_id)) WITHOUT ROWID;
    CREATE INDEX ${indexName(t.memberOrg, 'by_member')} ON ${t.memberOrg} (member_id);
    CREATE TABLE ${t.activity} (
      id              TEXT    NOT NULL,
      org_id          TEXT    NOT NULL,
      date            TEXT    NOT NULL,
      voided          INTEGER NOT NULL,
      logged_position INTEGER NOT NULL,
      doc             TEXT
    );
    CREATE TABLE ${t.report} (
      id       TEXT    PRIMARY KEY,
      org_id   TEXT    NOT NULL,
      year     INTEGER NOT NULL,
      position INTEGER NOT NULL,
      doc      TEXT    NOT NULL
    );
    CREATE INDEX ${indexName(t.report, 'by_org_year')} ON ${t.report} (org_id, year);
    CREATE TABLE ${t.account} (username TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID;
  `);
  if (options.indexes) createActivityIndexes(db, t);
}

/**
 * The activity indexes. A rebuild creates them only after loading every row: one sort instead of
 * a million random B-tree inserts (ids are random), each dirtying a page the next commit rewrites.
 */
export function createActivityIndexes(db: Database, t: ReadModelTables): void {
  db.exec(`
    CREATE UNIQUE INDEX ${indexName(t.activity, 'by_id')} ON ${t.activity} (id);
    CREATE INDEX ${indexName(t.activity, 'by_org_date')} ON ${t.activity} (org_id, date);
  `);
}

export function dropDocumentTables(db: Database, t: ReadModelTables): void {
  for (const key of DOCUMENT_TABLE_KEYS) db.exec(`DROP TABLE IF EXISTS ${t[key]}`);
}

/** Index names are global and survive a table rename, so each set gets a fresh suffix. */
function indexName(table: string, what: string): string {
  return `${table}_${what}_${randomBytes(4).toString('hex')}`;
}

export function tableExists(db: Database, name: string): boolean {
  return db.prepare<[string], number>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(name) === 1;
}
