import type { StoredEvent } from '../../event-store/src/envelope';
import type { CivilDate } from '../../domain/src/civil-date';
import type { ActivityDoc, MemberDoc, OrgDoc } from '../../domain/src/state';
import { AccountDoc, byUsername } from './accounts/account-doc';
import type { LedgerView } from './ledger-view';
import { applyLedgerEvent, LedgerDocAccess } from './reducers/apply-ledger-event';
import { newestReportFirst, ReportRecord } from './reports/report-record';

/** The whole ledger held in memory: what an as-of replay builds, and what tests compare against. */
export interface LedgerState {
  orgs: Map<string, OrgDoc>;
  members: Map<string, MemberDoc>;
  activities: Map<string, ActivityDoc>;
  /** By report id. */
  reports: Map<string, ReportRecord>;
  /** By username. */
  accounts: Map<string, AccountDoc>;
  /** Global position of the last event applied (0n before any). */
  position: bigint;
}

export function emptyLedgerState(): LedgerState {
  return { orgs: new Map(), members: new Map(), activities: new Map(), reports: new Map(), accounts: new Map(), position: 0n };
}

/** Folds one stored event into the state (the Maps change; the documents in them are replaced, never mutated). */
export function applyEvent(state: LedgerState, event: StoredEvent): LedgerState {
  applyLedgerEvent(mapAccess(state), event);
  if (event.globalPosition > state.position) state.position = event.globalPosition;
  return state;
}

function mapAccess(state: LedgerState): LedgerDocAccess {
  return {
    getOrg: (id) => state.orgs.get(id),
    putOrg: (doc) => void state.orgs.set(doc.id, doc),
    getMember: (id) => state.members.get(id),
    putMember: (doc) => void state.members.set(doc.id, doc),
    getActivity: (id) => state.activities.get(id),
    putActivity: (doc) => void state.activities.set(doc.id, doc),
    getReport: (id) => state.reports.get(id),
    putReport: (doc) => void state.reports.set(doc.reportId, doc),
    getAccount: (username) => state.accounts.get(username),
    putAccount: (doc) => void state.accounts.set(doc.username, doc),
  };
}

/** `LedgerView` over an in-memory state; same orderings as the SQLite read model. */
export class InMemoryLedgerView implements LedgerView {
  constructor(readonly state: LedgerState) {}

  async getOrg(id: string): Promise<OrgDoc | undefined> {
    return this.state.orgs.get(id);
  }

  async listOrgs(): Promise<OrgDoc[]> {
    return [...this.state.orgs.values()].sort(byId);
  }

  async listChildOrgs(parentId: string): Promise<OrgDoc[]> {
    return [...this.state.orgs.values()].filter((o) => o.parentId === parentId).sort(byId);
  }

  async getMember(id: string): Promise<MemberDoc | undefined> {
    return this.state.members.get(id);
  }

  async listMembers(orgIds?: readonly string[]): Promise<MemberDoc[]> {
    const all = [...this.state.members.values()];
    if (orgIds === undefined) return all.sort(byId);
    const wanted = new Set(orgIds);
    return all.filter((m) => m.periods.some((p) => wanted.has(p.orgId))).sort(byId);
  }

  async getActivity(id: string): Promise<ActivityDoc | undefined> {
    return this.state.activities.get(id);
  }

  async listActivities(orgIds: readonly string[], from: CivilDate, to: CivilDate, options: { includeVoided?: boolean } = {}): Promise<ActivityDoc[]> {
    const wanted = new Set(orgIds);
    const out: ActivityDoc[] = [];
    for (const a of this.state.activities.values()) {
      if (!wanted.has(a.orgId) || a.details.date < from || a.details.date > to) continue;
      if (a.voided && !options.includeVoided) continue;
      out.push(a);
    }
    return out.sort(byDateThenId);
  }

  async listReports(orgId?: string): Promise<ReportRecord[]> {
    const all = [...this.state.reports.values()];
    return (orgId === undefined ? all : all.filter((r) => r.orgId === orgId)).sort(newestReportFirst);
  }

  async getReport(reportId: string): Promise<ReportRecord | undefined> {
    return this.state.reports.get(reportId);
  }

  async getAccount(username: string): Promise<AccountDoc | undefined> {
    return this.state.accounts.get(username);
  }

  async listAccounts(): Promise<AccountDoc[]> {
    return [...this.state.accounts.values()].sort(byUsername);
  }

  async countAccounts(): Promise<number> {
    return this.state.accounts.size;
  }

  async position(): Promise<bigint> {
    return this.state.position;
  }
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function byDateThenId(a: ActivityDoc, b: ActivityDoc): number {
  if (a.details.date !== b.details.date) return a.details.date < b.details.date ? -1 : 1;
  return byId(a, b);
}
