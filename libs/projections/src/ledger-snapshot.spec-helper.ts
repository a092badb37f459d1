import type { NewEvent } from '../../event-store/src/envelope';
import type { EventStore } from '../../event-store/src/port';
import type { LedgerView } from './ledger-view';
import { details, ev, reportData } from './ledger-events.spec-helper';

/** Everything a view says, in a form `toEqual` can compare across implementations. */
export async function snapshotOf(view: LedgerView) {
  const orgs = await view.listOrgs();
  const orgIds = orgs.map((o) => o.id);
  return {
    position: await view.position(),
    orgs,
    members: await view.listMembers(),
    membersByOrg: await Promise.all(orgIds.map((id) => view.listMembers([id]))),
    children: await Promise.all(orgIds.map((id) => view.listChildOrgs(id))),
    activities: await view.listActivities(orgIds, '1900-01-01', '9999-12-31', { includeVoided: true }),
    liveActivities: await view.listActivities(orgIds, '1900-01-01', '9999-12-31'),
    reports: await view.listReports(),
    reportsByOrg: await Promise.all(orgIds.map((id) => view.listReports(id))),
    accounts: await view.listAccounts(),
    accountCount: await view.countAccounts(),
    accountsByName: await Promise.all(['wang-0', 'audit-0', 'nobody'].map((username) => view.getAccount(username))),
  };
}

type Append = [streamId: string, events: NewEvent[]];

/**
 * A small ledger touching every event type: a committee, two branches, members moving, activities
 * corrected and voided, reports recorded in the report streams (one recorded twice: the first stays),
 * accounts created, their password changed, disabled and enabled again.
 */
export function scenario(round = 0): Append[] {
  const r = (id: string) => `${id}-${round}`;
  const at = (day: number) => ({ at: `2024-0${1 + (round % 9)}-${String(day).padStart(2, '0')}T01:00:00.000Z` });
  return [
    ['org-' + r('c'), [ev.orgRegistered(r('c'), { kind: 'committee', name: '机关党委', ...at(1) })]],
    ['org-' + r('b1'), [ev.orgRegistered(r('b1'), { parentId: r('c'), ...at(1) }), ev.memberEnrolled(r('m1'), r('b1'), '2020-01-01', 'probationary', at(2))]],
    ['org-' + r('b2'), [ev.orgRegistered(r('b2'), { parentId: r('c'), ...at(1) }), ev.memberEnrolled(r('m2'), r('b2'), '2019-05-01', 'full', at(2))]],
    ['org-' + r('b1'), [ev.memberEnrolled(r('m3'), r('b1'), '2021-01-01', 'full', at(2)), ev.memberStatusChanged(r('m1'), r('b1'), 'full', '2021-01-01', at(3))]],
    ['account-' + r('wang'), [ev.accountCreated(r('wang'), { orgId: r('b1'), displayName: '王书记', mustChangePassword: true, ...at(3) })]],
    ['account-' + r('audit'), [ev.accountCreated(r('audit'), { role: 'auditor', orgId: r('c'), ...at(4) })]],
    ['org-' + r('b1'), [ev.activityLogged(r('a1'), r('b1'), details({ date: '2024-01-05', attendees: [{ memberId: r('m1'), status: 'present' }] }), at(5))]],
    ['org-' + r('b1'), [ev.activityLogged(r('a2'), r('b1'), details({ date: '2024-01-05', kinds: ['branch-assembly'] }), at(5))]],
    ['org-' + r('b1'), [ev.memberTransferred(r('m3'), r('b1'), r('b2'), '2024-01-10', at(10))]],
    ['account-' + r('wang'), [ev.accountPasswordChanged(r('wang'), 'scrypt$chosen', false, at(11)), ev.accountDisabled(r('wang'), '调离', at(11))]],
    ['org-' + r('b2'), [ev.activityLogged(r('a3'), r('b2'), details({ date: '2024-01-12', headcount: 12 }), at(12))]],
    ['org-' + r('b1'), [ev.activityCorrected(r('a1'), r('b1'), details({ date: '2024-01-06', title: '更正' }), ['date', 'title'], '录错日期', at(15))]],
    ['org-' + r('b2'), [ev.activityVoided(r('a3'), r('b2'), '重复', at(16))]],
    ['org-' + r('b2'), [ev.orgRenamed(r('b2'), '第二支部', '支部b2', at(17)), ev.orgMoved(r('b2'), null, r('c'), at(17))]],
    ['org-' + r('b1'), [ev.memberLeft(r('m2'), r('b2'), '2024-01-20', at(20))]],
    ['report-' + r('b1'), [ev.reportCompiled(reportData(r('rb1'), r('b1')), at(18))]],
    ['report-' + r('c'), [ev.reportCompiled(reportData(r('rc'), r('c'), { rollup: true }), at(19))]],
    ['report-' + r('b1'), [ev.reportCompiled(reportData(r('rb1'), r('b1'), { template: '另一模板' }), at(21))]],
    ['org-' + r('b1'), [ev.orgDissolved(r('b1'), '2024-02-01', at(25))]],
    ['account-' + r('audit'), [ev.accountDisabled(r('audit'), null, at(26)), ev.accountEnabled(r('audit'), at(27))]],
  ];
}

export async function appendAll(store: EventStore, appends: Append[]): Promise<number> {
  let count = 0;
  for (const [streamId, events] of appends) {
    await store.appendToStream(streamId, events, 'any');
    count += events.length;
  }
  return count;
}
