import type { Pool, QueryConfig } from 'pg';
import type { CivilDate } from '../../../domain/src/civil-date';
import type { ActivityDoc, MemberDoc, OrgDoc } from '../../../domain/src/state';
import { schemaTag } from '../../../event-store/src/postgres/schema-name';
import type { AccountDoc } from '../accounts/account-doc';
import type { ActivityFacts, LedgerView } from '../ledger-view';
import type { ReportRecord } from '../reports/report-record';
import { PARSERS } from '../../../event-store/src/postgres/event-row';
import { activitiesByIdsSql, ActivityFactsRow, activityFactsSelect, ActivityRow, activitySelect, decodeActivityFactsRow, decodeActivityRows, factsOf } from './activity-rows';
import { CheckpointRow } from './checkpoint-row';
import { LIVE_PREFIX, PgReadModelTables, tablesWithPrefix } from './read-model-tables';

type Statement = Pick<QueryConfig, 'name' | 'text'>;

/**
 * `LedgerView` over the live rm_ tables in PostgreSQL. Each method is one statement (one snapshot);
 * orderings are the in-memory view's: ids (COLLATE "C" columns), date then id for activities,
 * newest recording first for reports. Statements are named, so each pooled connection parses and
 * plans them once; PostgreSQL re-plans them by itself after a rebuild has swapped the tables.
 */
export class PostgresReadModelView implements LedgerView {
  private readonly s: ReturnType<typeof statements>;
  private readonly checkpoint: CheckpointRow;

  constructor(
    private readonly pool: Pool,
    schema: string,
    options: { eventsBeside: boolean } = { eventsBeside: false },
  ) {
    // Statement names differ by mode: one process may open both kinds of view over one schema.
    const tag = `tz_${schemaTag(schema)}_rm${options.eventsBeside ? 'e' : ''}_`;
    this.s = statements(tablesWithPrefix(schema, LIVE_PREFIX, options), tag);
    this.checkpoint = new CheckpointRow(schema);
  }

  async getOrg(id: string): Promise<OrgDoc | undefined> {
    return this.one<OrgDoc>(this.s.orgDoc, [id]);
  }

  async listOrgs(): Promise<OrgDoc[]> {
    return this.all<OrgDoc>(this.s.allOrgDocs, []);
  }

  async listChildOrgs(parentId: string): Promise<OrgDoc[]> {
    return this.all<OrgDoc>(this.s.childOrgDocs, [parentId]);
  }

  async getMember(id: string): Promise<MemberDoc | undefined> {
    return this.one<MemberDoc>(this.s.memberDoc, [id]);
  }

  async getMembers(ids: readonly string[]): Promise<(MemberDoc | undefined)[]> {
    if (ids.length === 0) return [];
    const result = await this.pool.query<[string, string]>({ ...this.s.memberDocsByIds, values: [[...ids]], rowMode: 'array' });
    const found = new Map<string, MemberDoc>();
    for (const [id, doc] of result.rows) found.set(id, JSON.parse(doc) as MemberDoc);
    return ids.map((id) => found.get(id));
  }

  async listMembers(orgIds?: readonly string[]): Promise<MemberDoc[]> {
    return orgIds === undefined ? this.all<MemberDoc>(this.s.allMemberDocs, []) : this.all<MemberDoc>(this.s.memberDocsOfOrgs, [[...orgIds]]);
  }

  async getActivity(id: string): Promise<ActivityDoc | undefined> {
    return (await this.activities(this.s.activityDoc, [id]))[0];
  }

  async listActivities(orgIds: readonly string[], from: CivilDate, to: CivilDate, options: { includeVoided?: boolean } = {}): Promise<ActivityDoc[]> {
    const statement = options.includeVoided ? this.s.activityDocsInRange : this.s.liveActivityDocsInRange;
    return this.activities(statement, [[...orgIds], from, to]);
  }

  /**
   * The same rows as `listActivities`, as facts: an activity stored by reference is read from its
   * event's data alone (no metadata, no reducer); one whose event has an older schema version is
   * read whole afterwards, through its upcaster.
   */
  async listActivityFacts(orgIds: readonly string[], from: CivilDate, to: CivilDate): Promise<ActivityFacts[]> {
    const result = await this.pool.query<ActivityFactsRow>({ ...this.s.liveActivityFactsInRange, values: [[...orgIds], from, to], rowMode: 'array' });
    const facts = new Array<ActivityFacts>(result.rows.length);
    const older: number[] = [];
    for (let i = 0; i < facts.length; i++) {
      const found = decodeActivityFactsRow(result.rows[i]);
      if (found) facts[i] = found;
      else older.push(i);
    }
    if (older.length > 0) {
      const docs = await this.activities(this.s.activityDocsByIds, [older.map((i) => result.rows[i][0])]);
      const byId = new Map(docs.map((doc) => [doc.id, doc]));
      for (const i of older) {
        const doc = byId.get(result.rows[i][0]);
        if (!doc) throw new Error(`activity ${result.rows[i][0]} vanished while its facts were read`);
        facts[i] = factsOf(doc);
      }
    }
    return facts;
  }

  async listReports(orgId?: string): Promise<ReportRecord[]> {
    return orgId === undefined ? this.all<ReportRecord>(this.s.allReportDocs, []) : this.all<ReportRecord>(this.s.reportDocsOfOrg, [orgId]);
  }

  async getReport(reportId: string): Promise<ReportRecord | undefined> {
    return this.one<ReportRecord>(this.s.reportDoc, [reportId]);
  }

  async getAccount(username: string): Promise<AccountDoc | undefined> {
    return this.one<AccountDoc>(this.s.accountDoc, [username]);
  }

  async listAccounts(): Promise<AccountDoc[]> {
    return this.all<AccountDoc>(this.s.allAccountDocs, []);
  }

  async countAccounts(): Promise<number> {
    const result = await this.pool.query<{ count: number }>({ ...this.s.accountCount, values: [] });
    return result.rows[0].count;
  }

  async position(): Promise<bigint> {
    return (await this.checkpoint.read(this.pool)).position;
  }

  private async one<D>(statement: Statement, values: unknown[]): Promise<D | undefined> {
    const result = await this.pool.query<[string]>({ ...statement, values, rowMode: 'array' });
    return result.rows.length === 0 ? undefined : (JSON.parse(result.rows[0][0]) as D);
  }

  private async activities(statement: Statement, values: unknown[]): Promise<ActivityDoc[]> {
    const result = await this.pool.query<ActivityRow>({ ...statement, values, rowMode: 'array', types: PARSERS });
    return decodeActivityRows(result.rows);
  }

  private async all<D>(statement: Statement, values: unknown[]): Promise<D[]> {
    const result = await this.pool.query<[string]>({ ...statement, values, rowMode: 'array' });
    const out = new Array<D>(result.rows.length);
    for (let i = 0; i < out.length; i++) out[i] = JSON.parse(result.rows[i][0]) as D;
    return out;
  }
}

function statements(t: PgReadModelTables, prefix: string) {
  const named = (name: string, text: string): Statement => ({ name: `${prefix}${name}`, text });
  const inRange = (voided: string) => `WHERE a.org_id = ANY($1::text[]) AND a.date >= $2 AND a.date <= $3 ${voided} ORDER BY a.date, a.id`;
  const range = (voided: string) => `${activitySelect(t.activity, t.events)} ${inRange(voided)}`;
  return {
    orgDoc: named('org', `SELECT doc FROM ${t.org} WHERE id = $1`),
    allOrgDocs: named('orgs', `SELECT doc FROM ${t.org} ORDER BY id`),
    childOrgDocs: named('child_orgs', `SELECT doc FROM ${t.org} WHERE parent_id = $1 ORDER BY id`),
    memberDoc: named('member', `SELECT doc FROM ${t.member} WHERE id = $1`),
    memberDocsByIds: named('members_by_id', `SELECT id, doc FROM ${t.member} WHERE id = ANY($1::text[])`),
    allMemberDocs: named('members', `SELECT doc FROM ${t.member} ORDER BY id`),
    memberDocsOfOrgs: named(
      'members_of',
      `SELECT doc FROM ${t.member} WHERE id IN (SELECT member_id FROM ${t.memberOrg} WHERE org_id = ANY($1::text[])) ORDER BY id`,
    ),
    activityDoc: named('activity', `${activitySelect(t.activity, t.events)} WHERE a.id = $1`),
    activityDocsByIds: named('activities_by_id', activitiesByIdsSql(t.activity, t.events)),
    liveActivityFactsInRange: named('live_activity_facts', `${activityFactsSelect(t.activity, t.events)} ${inRange('AND NOT a.voided')}`),
    activityDocsInRange: named('activities', range('')),
    liveActivityDocsInRange: named('live_activities', range('AND NOT a.voided')),
    reportDoc: named('report', `SELECT doc FROM ${t.report} WHERE id = $1`),
    allReportDocs: named('reports', `SELECT doc FROM ${t.report} ORDER BY position DESC`),
    reportDocsOfOrg: named('reports_of', `SELECT doc FROM ${t.report} WHERE org_id = $1 ORDER BY position DESC`),
    accountDoc: named('account', `SELECT doc FROM ${t.account} WHERE username = $1`),
    allAccountDocs: named('accounts', `SELECT doc FROM ${t.account} ORDER BY username`),
    accountCount: named('account_count', `SELECT count(*)::int AS count FROM ${t.account}`),
  };
}
