import type { StoredEvent } from '../../../event-store/src/envelope';
import { upcast } from '../../../event-store/src/upcasters';
import { ACTIVITY_LOGGED } from '../../../domain/src/events';
import type { ActivityDoc, MemberDoc, OrgDoc } from '../../../domain/src/state';
import type { AccountDoc } from '../accounts/account-doc';
import type { ReportRecord } from '../reports/report-record';
import { applyLedgerEvent, FoldPart, LedgerDocAccess, ledgerDocAccess } from '../reducers/apply-ledger-event';
import { routeEvent } from '../reducers/route-event';
import { activitiesByIdsSql, ActivityRow, decodeActivityRows } from './activity-rows';
import { ActivityWriteMode, writeAccounts, writeActivities, writeMembers, writeOrgs, writeReports } from './doc-writes';
import { PARSERS } from '../../../event-store/src/postgres/event-row';
import type { Queryable } from './pg-session';
import { PrefetchedDocs } from './prefetched-docs';
import type { PgReadModelTables } from './read-model-tables';

/** How many documents of each kind a folder keeps between pages. */
export interface DocCapacities {
  orgs: number;
  members: number;
  activities: number;
  reports: number;
  accounts: number;
}

export const DEFAULT_DOC_CAPACITIES: DocCapacities = { orgs: 20_000, members: 50_000, activities: 5_000, reports: 2_000, accounts: 2_000 };

export interface WantedIds {
  orgs: Set<string>;
  members: Set<string>;
  activities: Set<string>;
  reports: Set<string>;
  accounts: Set<string>;
}

/**
 * Folds pages of events into one set of rm_ tables: loads every document a page routes to in one
 * query per kind (`prefetch`), folds the page synchronously through `applyLedgerEvent` (the same
 * code an in-memory replay runs), then writes each changed document once, one statement per table
 * (`write`). Documents stay held between pages; the owner of the folder says when they must be
 * forgotten (`forget`) because the tables may have changed under them.
 */
export class PageFolder implements DocSets {
  readonly orgs: PrefetchedDocs<OrgDoc>;
  readonly members: PrefetchedDocs<MemberDoc>;
  readonly activities: PrefetchedDocs<ActivityDoc>;
  readonly reports: PrefetchedDocs<ReportRecord>;
  readonly accounts: PrefetchedDocs<AccountDoc>;
  private readonly access: LedgerDocAccess;

  constructor(
    readonly tables: PgReadModelTables,
    capacities: DocCapacities = DEFAULT_DOC_CAPACITIES,
    options: { complete?: boolean } = {},
  ) {
    const complete = options.complete ?? false;
    this.orgs = new PrefetchedDocs((d) => d.id, capacities.orgs, complete);
    this.members = new PrefetchedDocs((d) => d.id, capacities.members, complete);
    this.activities = new PrefetchedDocs((d) => d.id, capacities.activities, complete);
    this.reports = new PrefetchedDocs((d) => d.reportId, capacities.reports, complete);
    this.accounts = new PrefetchedDocs((d) => d.username, capacities.accounts, complete);
    this.access = ledgerDocAccess(this.orgs, this.members, this.activities, this.reports, this.accounts);
  }

  /** Loads what folding `part` of these events will read and is not held yet: at most one query per kind. */
  async prefetch(db: Queryable, events: readonly StoredEvent[], part: FoldPart = 'all'): Promise<void> {
    await prefetchDocs(db, this.tables, this, wantedIds(events, part));
  }

  /**
   * Folds `part` of every event, in order (the caller has prefetched them). Returns the stored
   * types of the events that carried an activity change `part` left out.
   */
  fold(events: readonly StoredEvent[], part: FoldPart = 'all'): Set<string> {
    const leftOut = new Set<string>();
    for (const event of events) if (applyLedgerEvent(this.access, event, part)) leftOut.add(event.type);
    return leftOut;
  }

  /** Writes every document changed since the last write; activities as `activityMode` says. */
  async write(db: Queryable, activityMode: ActivityWriteMode = 'upsert'): Promise<void> {
    const t = this.tables;
    const orgs = this.orgs.takeDirty();
    if (orgs.length > 0) await writeOrgs(db, t, orgs);
    const members = this.members.takeDirty();
    if (members.length > 0) await writeMembers(db, t, members);
    const activities = this.activities.takeDirty();
    if (activities.length > 0) await writeActivities(db, t, activities, activityMode, t.events !== undefined);
    const reports = this.reports.takeDirty();
    if (reports.length > 0) await writeReports(db, t, reports);
    const accounts = this.accounts.takeDirty();
    if (accounts.length > 0) await writeAccounts(db, t, accounts);
  }

  /** Bounds what is held (after a write: only clean documents are dropped). */
  trim(): void {
    for (const docs of this.kinds()) docs.trim();
  }

  forget(): void {
    for (const docs of this.kinds()) docs.clear();
  }

  private kinds(): PrefetchedDocs<unknown>[] {
    return [this.orgs, this.members, this.activities, this.reports, this.accounts] as PrefetchedDocs<unknown>[];
  }
}

/** The ids folding `part` of these events reads (a logged activity starts afresh: nothing to read). */
export function wantedIds(events: readonly StoredEvent[], part: FoldPart): WantedIds {
  const wanted: WantedIds = { orgs: new Set(), members: new Set(), activities: new Set(), reports: new Set(), accounts: new Set() };
  for (const stored of events) {
    const event = upcast(stored);
    const route = routeEvent(event);
    if (part !== 'activity-changes') {
      for (const id of route.orgIds) wanted.orgs.add(id);
      for (const id of route.memberIds) wanted.members.add(id);
      for (const id of route.reportIds) wanted.reports.add(id);
      for (const id of route.accountIds) wanted.accounts.add(id);
    }
    if (part !== 'all-but-activity-changes' && event.type !== ACTIVITY_LOGGED) for (const id of route.activityIds) wanted.activities.add(id);
  }
  return wanted;
}

/** Documents of each kind being folded; a kind left out is not read from its table. */
export interface DocSets {
  orgs: PrefetchedDocs<OrgDoc>;
  members: PrefetchedDocs<MemberDoc>;
  activities?: PrefetchedDocs<ActivityDoc>;
  reports: PrefetchedDocs<ReportRecord>;
  accounts: PrefetchedDocs<AccountDoc>;
}

/** Loads the wanted documents not held yet, one query per kind with any missing. */
export async function prefetchDocs(db: Queryable, t: PgReadModelTables, sets: DocSets, wanted: WantedIds): Promise<void> {
  await loadMissing(db, sets.orgs, wanted.orgs, `SELECT doc FROM ${t.org} WHERE id = ANY($1::text[])`);
  await loadMissing(db, sets.members, wanted.members, `SELECT doc FROM ${t.member} WHERE id = ANY($1::text[])`);
  if (sets.activities) await loadMissingActivities(db, t, sets.activities, wanted.activities);
  await loadMissing(db, sets.reports, wanted.reports, `SELECT doc FROM ${t.report} WHERE id = ANY($1::text[])`);
  await loadMissing(db, sets.accounts, wanted.accounts, `SELECT doc FROM ${t.account} WHERE username = ANY($1::text[])`);
}

async function loadMissing<D>(db: Queryable, docs: PrefetchedDocs<D>, ids: Set<string>, sql: string): Promise<void> {
  if (ids.size === 0 || !docs.mayNeedLoading) return;
  const missing = docs.missing(ids);
  if (missing.length === 0) return;
  const result = await db.query<{ doc: string }>(sql, [missing]);
  docs.supply(
    missing,
    result.rows.map((row) => JSON.parse(row.doc) as D),
  );
}

/** Activities may be stored by reference: read through the join and the reducer (activity-rows.ts). */
async function loadMissingActivities(db: Queryable, t: PgReadModelTables, docs: PrefetchedDocs<ActivityDoc>, ids: Set<string>): Promise<void> {
  if (ids.size === 0 || !docs.mayNeedLoading) return;
  const missing = docs.missing(ids);
  if (missing.length === 0) return;
  const result = await db.query<ActivityRow>({
    text: activitiesByIdsSql(t.activity, t.events),
    values: [missing],
    rowMode: 'array',
    types: PARSERS,
  });
  docs.supply(missing, decodeActivityRows(result.rows));
}
