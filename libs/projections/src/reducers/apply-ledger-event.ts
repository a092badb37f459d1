import type { StoredEvent } from '../../../event-store/src/envelope';
import { upcast } from '../../../event-store/src/upcasters';
import type { ActivityDoc, MemberDoc, OrgDoc } from '../../../domain/src/state';
import { ACTIVITY_LOGGED } from '../../../domain/src/events';
import type { AccountDoc } from '../accounts/account-doc';
import { accountReducer } from '../accounts/account-reducer';
import type { ReportRecord } from '../reports/report-record';
import { reportReducer } from '../reports/report-reducer';
import { activityReducer } from './activity-reducer';
import { memberReducer } from './member-reducer';
import { orgReducer } from './org-reducer';
import { routeEvent } from './route-event';

/**
 * Synchronous access to the documents being folded: a set of Maps for a replay, a buffered
 * SQLite writer for the persisted read model. Both go through `applyLedgerEvent`, so the live read
 * model and an as-of replay can never disagree on what an event means.
 */
export interface LedgerDocAccess {
  getOrg(id: string): OrgDoc | undefined;
  putOrg(doc: OrgDoc): void;
  getMember(id: string): MemberDoc | undefined;
  putMember(doc: MemberDoc): void;
  getActivity(id: string): ActivityDoc | undefined;
  putActivity(doc: ActivityDoc): void;
  /** Reports by report id. */
  getReport(id: string): ReportRecord | undefined;
  putReport(doc: ReportRecord): void;
  /** Accounts by username. */
  getAccount(username: string): AccountDoc | undefined;
  putAccount(doc: AccountDoc): void;
}

/** Anything that keeps documents of one kind by id (a cache in front of a table, a map). */
export interface DocStore<D> {
  get(id: string): D | undefined;
  put(doc: D): void;
}

/** The access a fold needs, over one store per kind of document. */
export function ledgerDocAccess(
  orgs: DocStore<OrgDoc>,
  members: DocStore<MemberDoc>,
  activities: DocStore<ActivityDoc>,
  reports: DocStore<ReportRecord>,
  accounts: DocStore<AccountDoc>,
): LedgerDocAccess {
  return {
    getOrg: (id) => orgs.get(id),
    putOrg: (doc) => orgs.put(doc),
    getMember: (id) => members.get(id),
    putMember: (doc) => members.put(doc),
    getActivity: (id) => activities.get(id),
    putActivity: (doc) => activities.put(doc),
    getReport: (id) => reports.get(id),
    putReport: (doc) => reports.put(doc),
    getAccount: (username) => accounts.get(username),
    putAccount: (doc) => accounts.put(doc),
  };
}

/**
 * Which part of an event to fold. An "activity change" is what any event other than
 * `ActivityLogged` does to an activity (a correction, a void). A bulk rebuild folds everything but
 * those first, while its activity table has no index to find a document by, then folds exactly
 * those, in order, once it has. Each activity's own events keep their order, and no other document
 * depends on an activity's state, so the result is the same as folding everything in one pass.
 */
export type FoldPart = 'all' | 'all-but-activity-changes' | 'activity-changes';

/**
 * Upcasts a stored event and folds the requested part of it into the documents it touches.
 * Returns true when the event carries an activity change that `part` left out.
 */
export function applyLedgerEvent(docs: LedgerDocAccess, stored: StoredEvent, part: FoldPart = 'all'): boolean {
  const event = upcast(stored);
  const route = routeEvent(event);
  if (part !== 'activity-changes') {
    for (const id of route.orgIds) {
      const prev = docs.getOrg(id);
      const next = orgReducer(prev, event);
      // A result under another id would be a registration routed to a foreign stream's slot.
      if (next !== undefined && next !== prev && next.id === id) docs.putOrg(next);
    }
    for (const id of route.memberIds) {
      const prev = docs.getMember(id);
      const next = memberReducer(prev, event);
      if (next !== undefined && next !== prev && next.id === id) docs.putMember(next);
    }
    for (const id of route.reportIds) {
      const prev = docs.getReport(id);
      const next = reportReducer(prev, event);
      if (next !== undefined && next !== prev && next.reportId === id) docs.putReport(next);
    }
    for (const username of route.accountIds) {
      const prev = docs.getAccount(username);
      const next = accountReducer(prev, event);
      if (next !== undefined && next !== prev && next.username === username) docs.putAccount(next);
    }
  }
  if (route.activityIds.length === 0) return false;
  const logged = event.type === ACTIVITY_LOGGED;
  if (logged ? part === 'activity-changes' : part === 'all-but-activity-changes') return !logged;
  for (const id of route.activityIds) {
    // A logged activity starts a fresh document, so there is nothing worth loading.
    const prev = logged ? undefined : docs.getActivity(id);
    const next = activityReducer(prev, event);
    if (next !== undefined && next !== prev && next.id === id) docs.putActivity(next);
  }
  return false;
}
