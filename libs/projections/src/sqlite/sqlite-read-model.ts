import type { Database } from 'better-sqlite3';
import type { CivilDate } from '../../../domain/src/civil-date';
import type { ActivityDoc, MemberDoc, OrgDoc } from '../../../domain/src/state';
import type { ActivityFacts, LedgerView } from '../ledger-view';
import type { AccountDoc } from '../accounts/account-doc';
import type { ReportRecord } from '../reports/report-record';
import { decodeActivityFactsRow, decodeActivityRow, factsOf } from './activity-rows';
import { CheckpointTable } from './checkpoint';
import { prepareReadModelStatements, ReadModelStatementOptions, ReadModelStatements } from './read-model-statements';
import { LIVE_PREFIX, tablesWithPrefix } from './read-model-tables';

/**
 * `LedgerView` over the persisted rm_ tables. Each method is one SELECT, so it reads one
 * consistent snapshot; orderings match the in-memory view (ids, then date and id for activities).
 */
export class SqliteReadModel implements LedgerView {
  private readonly statements: ReadModelStatements;
  private readonly checkpoint: CheckpointTable;

  constructor(db: Database, options: ReadModelStatementOptions = {}) {
    this.statements = prepareReadModelStatements(db, tablesWithPrefix(LIVE_PREFIX), options);
    this.checkpoint = new CheckpointTable(db);
  }

  async getOrg(id: string): Promise<OrgDoc | undefined> {
    return parseDoc<OrgDoc>(this.statements.orgDoc.get(id));
  }

  async listOrgs(): Promise<OrgDoc[]> {
    return parseDocs<OrgDoc>(this.statements.allOrgDocs.all());
  }

  async listChildOrgs(parentId: string): Promise<OrgDoc[]> {
    return parseDocs<OrgDoc>(this.statements.childOrgDocs.all(parentId));
  }

  async getMember(id: string): Promise<MemberDoc | undefined> {
    return parseDoc<MemberDoc>(this.statements.memberDoc.get(id));
  }

  async listMembers(orgIds?: readonly string[]): Promise<MemberDoc[]> {
    const rows = orgIds === undefined ? this.statements.allMemberDocs.all() : this.statements.memberDocsOfOrgs.all(JSON.stringify(orgIds));
    return parseDocs<MemberDoc>(rows);
  }

  async getActivity(id: string): Promise<ActivityDoc | undefined> {
    const row = this.statements.activityRow.get(id);
    return row === undefined ? undefined : decodeActivityRow(row);
  }

  async listActivities(orgIds: readonly string[], from: CivilDate, to: CivilDate, options: { includeVoided?: boolean } = {}): Promise<ActivityDoc[]> {
    const statement = options.includeVoided ? this.statements.activityRowsInRange : this.statements.liveActivityRowsInRange;
    return statement.all(JSON.stringify(orgIds), from, to).map(decodeActivityRow);
  }

  /** One SELECT; only an activity logged under an older schema version costs a second read (of the whole document). */
  async listActivityFacts(orgIds: readonly string[], from: CivilDate, to: CivilDate): Promise<ActivityFacts[]> {
    const rows = this.statements.liveActivityFactsInRange.all(JSON.stringify(orgIds), from, to);
    const out = new Array<ActivityFacts>(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = decodeActivityFactsRow(rows[i]) ?? this.wholeActivity(rows[i][0]);
    return out;
  }

  private wholeActivity(id: string): ActivityFacts {
    const row = this.statements.activityRow.get(id);
    if (row === undefined) throw new Error(`activity ${id} disappeared while being read`);
    return factsOf(decodeActivityRow(row));
  }

  async listReports(orgId?: string): Promise<ReportRecord[]> {
    const rows = orgId === undefined ? this.statements.allReportDocs.all() : this.statements.reportDocsOfOrg.all(orgId);
    return parseDocs<ReportRecord>(rows);
  }

  async getReport(reportId: string): Promise<ReportRecord | undefined> {
    return parseDoc<ReportRecord>(this.statements.reportDoc.get(reportId));
  }

  async getAccount(username: string): Promise<AccountDoc | undefined> {
    return parseDoc<AccountDoc>(this.statements.accountDoc.get(username));
  }

  async listAccounts(): Promise<AccountDoc[]> {
    return parseDocs<AccountDoc>(this.statements.allAccountDocs.all());
  }

  async countAccounts(): Promise<number> {
    return this.statements.accountCount.get() ?? 0;
  }

  async position(): Promise<bigint> {
    return this.checkpoint.read();
  }
}

function parseDoc<D>(json: string | undefined): D | undefined {
  return json === undefined ? undefined : (JSON.parse(json) as D);
}

function parseDocs<D>(rows: string[]): D[] {
  return rows.map((json) => JSON.parse(json) as D);
}
