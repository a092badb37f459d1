import { details, ev, reportData, stored } from '../ledger-events.spec-helper';
import { routeEvent } from './route-event';

describe('routeEvent', () => {
  it('sends an activity event to its activity and to the org whose stream version it moves', () => {
    expect(routeEvent(stored(ev.activityLogged('a1', 'b1', details({ date: '2024-01-01' })), 'org-b1', 2, 5n))).toEqual({
      orgIds: ['b1'],
      memberIds: [],
      activityIds: ['a1'],
      reportIds: [],
      accountIds: [],
    });
  });

  it('sends a transfer to the member and to the stream it is recorded in (the sending org)', () => {
    expect(routeEvent(stored(ev.memberTransferred('m1', 'b1', 'b2', '2024-01-01'), 'org-b1', 3, 6n))).toEqual({
      orgIds: ['b1'],
      memberIds: ['m1'],
      activityIds: [],
      reportIds: [],
      accountIds: [],
    });
  });

  it("names the stream's org and, when different, the org an organisation event is about", () => {
    expect(routeEvent(stored(ev.orgRenamed('b1', 'n', 'o'), 'org-b1', 2, 7n)).orgIds).toEqual(['b1']);
    expect(routeEvent(stored(ev.orgRenamed('b1', 'n', 'o'), 'org-c1', 2, 7n)).orgIds).toEqual(['c1', 'b1']);
  });

  it('touches no org for a stream that is not an org stream', () => {
    expect(routeEvent(stored(ev.activityVoided('a1', 'b1', 'r'), 'report-1', 1, 8n)).orgIds).toEqual([]);
  });

  it("sends a recorded report to its report document only, never to its org's stream version", () => {
    expect(routeEvent(stored(ev.reportCompiled(reportData('r1', 'b1')), 'report-b1', 1, 9n))).toEqual({
      orgIds: [],
      memberIds: [],
      activityIds: [],
      reportIds: ['r1'],
      accountIds: [],
    });
  });

  it('sends an account event to its account only', () => {
    expect(routeEvent(stored(ev.accountCreated('wang', { orgId: 'b1' }), 'account-wang', 1, 10n))).toEqual({
      orgIds: [],
      memberIds: [],
      activityIds: [],
      reportIds: [],
      accountIds: ['wang'],
    });
    expect(routeEvent(stored(ev.accountDisabled('wang'), 'account-wang', 2, 11n)).accountIds).toEqual(['wang']);
  });
});
