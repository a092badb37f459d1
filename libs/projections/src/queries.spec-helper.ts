import { blankActivityDetails } from '../../domain/src';
import type { ActivityDetails, ActivityDoc, ActivityRevision, MemberDoc, MembershipPeriod, OrgDoc, OrgKind } from '../../domain/src';
import { org } from '../../domain/src/commands/fixtures.spec-helper';
import { InMemoryLedgerView } from './in-memory-ledger';
import type { LedgerView } from './ledger-view';

/**
 * Test data for the query specs: plain documents as the reducers would produce them, served by
 * the real in-memory LedgerView (no store involved).
 */

/** The domain fixture's org, named by its id (query output reads better that way). */
export function orgDoc(id: string, kind: OrgKind, parentId: string | null, extra: Partial<OrgDoc> = {}): OrgDoc {
  return org(id, kind, parentId, { name: id, ...extra });
}

export function memberDoc(id: string, periods: Array<Partial<MembershipPeriod> & { orgId: string }>): MemberDoc {
  const full: MembershipPeriod[] = periods.map((p) => ({ from: '2015-01-01', to: null, status: 'full', ...p }));
  const last = full[full.length - 1];
  return { id, name: id, orgId: last.to === null ? last.orgId : null, status: last.status, periods: full };
}

export interface ActivitySpec extends Partial<ActivityDetails> {
  id: string;
  orgId: string;
  date: string;
  kinds: string[];
  voided?: boolean;
  loggedAt?: string;
  loggedBy?: string;
  revisions?: ActivityRevision[];
}

export function activityDoc(spec: ActivitySpec): ActivityDoc {
  const { id, orgId, voided, loggedAt, loggedBy, revisions, ...details } = spec;
  const at = loggedAt ?? `${spec.date}T02:00:00.000Z`;
  return {
    id,
    orgId,
    details: { ...blankActivityDetails(spec.date, spec.kinds), ...details },
    voided: voided ?? false,
    loggedAt: at,
    loggedBy: loggedBy ?? 'secretary',
    revisions: revisions ?? [revision('ActivityLogged', at, loggedBy ?? 'secretary')],
  };
}

export function revision(type: ActivityRevision['type'], recordedAt: string, actor = 'secretary', reason: string | null = null): ActivityRevision {
  return { type, eventId: `${type}-${recordedAt}`, streamVersion: 1, globalPosition: '1', recordedAt, actor, source: 'cli', reason, changedFields: [] };
}

export function present(...ids: string[]): ActivityDetails['attendees'] {
  return ids.map((memberId) => ({ memberId, status: 'present' as const }));
}

export function viewOf(docs: { orgs: OrgDoc[]; members?: MemberDoc[]; activities?: ActivityDoc[] }): LedgerView {
  return new InMemoryLedgerView({
    orgs: new Map(docs.orgs.map((o) => [o.id, o])),
    members: new Map((docs.members ?? []).map((m) => [m.id, m])),
    activities: new Map((docs.activities ?? []).map((a) => [a.id, a])),
    reports: new Map(),
    accounts: new Map(),
    position: 0n,
  });
}
