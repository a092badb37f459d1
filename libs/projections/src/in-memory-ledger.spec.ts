import { registerUpcaster } from '../../event-store/src/upcasters';
import type { StoredEvent } from '../../event-store/src/envelope';
import { applyEvent, emptyLedgerState, InMemoryLedgerView } from './in-memory-ledger';
import { details, ev, stored } from './ledger-events.spec-helper';

describe('in-memory ledger', () => {
  it('upcasts events stored with an old schema before reducing them', () => {
    // A hypothetical version 0 of ActivityLogged kept the date and kinds at the top level.
    registerUpcaster('ActivityLogged', 0, (e: StoredEvent) => {
      const old = e.data as { activityId: string; orgId: string; date: string; kinds: string[] };
      return { ...e, schemaVersion: 1, data: { activityId: old.activityId, orgId: old.orgId, activity: details({ date: old.date, kinds: old.kinds }) } };
    });
    const state = emptyLedgerState();
    const v0 = { ...stored(ev.activityLogged('a1', 'b1', details({ date: 'x' })), 'org-b1', 1, 3n), schemaVersion: 0 };
    v0.data = { activityId: 'a1', orgId: 'b1', date: '2019-07-01', kinds: ['party-lecture'] };
    applyEvent(state, v0);
    expect(state.activities.get('a1')?.details).toMatchObject({ date: '2019-07-01', kinds: ['party-lecture'] });
    expect(state.position).toBe(3n);
  });

  it('answers the LedgerView queries with filters and orderings', async () => {
    const state = emptyLedgerState();
    const events = [
      stored(ev.orgRegistered('c'), 'org-c', 1, 1n),
      stored(ev.orgRegistered('b2', { parentId: 'c' }), 'org-b2', 1, 2n),
      stored(ev.orgRegistered('b1', { parentId: 'c' }), 'org-b1', 1, 3n),
      stored(ev.memberEnrolled('m2', 'b1', '2020-01-01'), 'org-b1', 2, 4n),
      stored(ev.memberEnrolled('m1', 'b2', '2020-01-01'), 'org-b2', 2, 5n),
      stored(ev.memberTransferred('m2', 'b1', 'b2', '2021-01-01'), 'org-b1', 3, 6n),
      stored(ev.activityLogged('z', 'b1', details({ date: '2024-02-01' })), 'org-b1', 4, 7n),
      stored(ev.activityLogged('y', 'b1', details({ date: '2024-02-01' })), 'org-b1', 5, 8n),
      stored(ev.activityLogged('x', 'b1', details({ date: '2024-01-15' })), 'org-b1', 6, 9n),
      stored(ev.activityLogged('w', 'b2', details({ date: '2024-01-20' })), 'org-b2', 3, 10n),
      stored(ev.activityVoided('y', 'b1', '重复'), 'org-b1', 7, 11n),
      stored(ev.activityLogged('v', 'b1', details({ date: '2024-03-01' })), 'org-b1', 8, 12n),
    ];
    for (const e of events) applyEvent(state, e);
    const view = new InMemoryLedgerView(state);
    expect((await view.listChildOrgs('c')).map((o) => o.id)).toEqual(['b1', 'b2']);
    expect((await view.listMembers(['b1'])).map((m) => m.id)).toEqual(['m2']);
    expect((await view.listMembers(['b2'])).map((m) => m.id)).toEqual(['m1', 'm2']);
    expect((await view.listActivities(['b1'], '2024-01-01', '2024-02-29')).map((a) => a.id)).toEqual(['x', 'z']);
    expect((await view.listActivities(['b1', 'b2'], '2024-01-01', '2024-02-01', { includeVoided: true })).map((a) => a.id)).toEqual(['x', 'w', 'y', 'z']);
    expect((await view.getOrg('b1'))?.streamVersion).toBe(8);
    expect(await view.position()).toBe(12n);
  });
});
