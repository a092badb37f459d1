import type { CivilDate } from '../../domain/src';
import type { ActivityDoc, MemberDoc, OrgDoc } from '../../domain/src';
import type { AccountDoc } from './accounts/account-doc';
import type { ReportRecord } from './reports/report-record';

/**
 * What an activity says now, without the history of how it came to say it: all that figures (tally,
 * compliance) are computed from. Every `ActivityDoc` is one.
 */
export type ActivityFacts = Pick<ActivityDoc, 'id' | 'orgId' | 'voided' | 'details'>;

/**
 * Read access to the ledger's read models. Implemented by the persisted read model (live) and by
 * the in-memory state of an as-of replay, so every query works the same on both.
 */
export interface LedgerView {
  getOrg(id: string): Promise<OrgDoc | undefined>;
  listOrgs(): Promise<OrgDoc[]>;
  /** Direct children of an org (dissolved ones included); cheap, as it runs on every logged activity. */
  listChildOrgs(parentId: string): Promise<OrgDoc[]>;
  getMember(id: string): Promise<MemberDoc | undefined>;
  /**
   * Several members at once, in the order asked (undefined where unknown). A view where each read
   * is a round trip offers this; callers use `getMembers` in get-members.ts, which falls back to
   * one `getMember` per id.
   */
  getMembers?(ids: readonly string[]): Promise<(MemberDoc | undefined)[]>;
  /** Members with any stint in one of these orgs (all members when omitted). */
  listMembers(orgIds?: readonly string[]): Promise<MemberDoc[]>;
  getActivity(id: string): Promise<ActivityDoc | undefined>;
  /** Activities of these orgs whose date lies in [from, to] (inclusive), date order. */
  listActivities(orgIds: readonly string[], from: CivilDate, to: CivilDate, options?: { includeVoided?: boolean }): Promise<ActivityDoc[]>;
  /**
   * The same activities as `listActivities` (voided ones left out, same order), as facts only. A
   * view that can read them for less than whole documents offers this; queries that only count
   * use it when present (see `listActivityFacts` in queries).
   */
  listActivityFacts?(orgIds: readonly string[], from: CivilDate, to: CivilDate): Promise<ActivityFacts[]>;
  /** Recorded reports of this org (of every org when omitted), newest recording first. */
  listReports(orgId?: string): Promise<ReportRecord[]>;
  getReport(reportId: string): Promise<ReportRecord | undefined>;
  /** An account by (normalised) username; the document holds the password hash: keep it inside. */
  getAccount(username: string): Promise<AccountDoc | undefined>;
  /** Every account, disabled ones included, by username. */
  listAccounts(): Promise<AccountDoc[]>;
  /** How many accounts exist (disabled ones included): none means the first start. */
  countAccounts(): Promise<number>;
  /** Global position of the last event reflected. */
  position(): Promise<bigint>;
}
