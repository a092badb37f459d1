import {
  activityInputOf,
  decideCorrectActivity,
  decideEnrollMember,
  decideLogActivity,
  decideRegisterOrganization,
  decideVoidActivity,
} from '../../libs/domain/src';
import type {
  ActivityCorrectedData,
  ActivityLoggedData,
  ActivityVoidedData,
  MemberDoc,
  MemberEnrolledData,
  OrganizationRegisteredData,
} from '../../libs/domain/src';
import type { StoredEvent } from '../../libs/event-store/src';
import { seededRandom } from '../../libs/application/src/demo/seeded-random';
import { applyEvent, emptyLedgerState } from '../../libs/projections/src/in-memory-ledger';
import { planSyntheticLedger, StreamBatch, syntheticBatches } from './synthetic-ledger';

const THIS_YEAR = 2026;
const TODAY = `${THIS_YEAR}-06-30`;

function generate(totalEvents: number): { plan: ReturnType<typeof planSyntheticLedger>; batches: StreamBatch[] } {
  const plan = planSyntheticLedger(totalEvents, 't', THIS_YEAR);
  return { plan, batches: [...syntheticBatches(plan, seededRandom(42))] };
}

describe('planSyntheticLedger', () => {
  it('puts 1,000,000 events in 2,000 orgs: 20 committees over 1,980 branches of 25 members', () => {
    const plan = planSyntheticLedger(1_000_000, 't', THIS_YEAR);
    expect(plan.orgs).toHaveLength(2_000);
    expect(plan.orgs.filter((o) => o.kind === 'committee')).toHaveLength(20);
    expect(plan.members).toBe(1_980 * 25);
    expect(plan.setupEvents + plan.activityEvents).toBe(1_000_000);
    expect(plan.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
  });

  it('refuses a total too small for its own set-up events', () => {
    expect(() => planSyntheticLedger(20, 't', THIS_YEAR)).toThrow(/too few/);
  });
});

describe('syntheticBatches', () => {
  const { plan, batches } = generate(6_000);

  it('yields exactly the planned number of events, registrations and enrolments first', () => {
    expect(batches.reduce((n, b) => n + b.events.length, 0)).toBe(6_000);
    const firstActivity = batches.findIndex((b) => b.phase === 'activity');
    expect(batches.slice(0, firstActivity).every((b) => b.phase === 'setup')).toBe(true);
    expect(batches.slice(firstActivity).every((b) => b.phase === 'activity' && b.events.length <= 100)).toBe(true);
    expect(batches.filter((b) => b.phase === 'activity' && b.events.length < 100).length).toBeLessThanOrEqual(1);
  });

  it('appends every stream at the version it has reached', () => {
    const versions = new Map<string, number>();
    for (const batch of batches) {
      expect(batch.expectedVersion).toBe(versions.get(batch.streamId) ?? 0);
      versions.set(batch.streamId, batch.expectedVersion + batch.events.length);
    }
  });

  it('holds only events the commands would have decided, against the ledger as it stood', () => {
    const state = emptyLedgerState();
    const versions = new Map<string, number>();
    let position = 0n;
    const seen = { logged: 0, corrected: 0, voided: 0 };
    for (const batch of batches) {
      for (const event of batch.events) {
        switch (event.type) {
          case 'OrganizationRegistered': {
            const data = event.data as OrganizationRegisteredData;
            const input = { id: data.orgId, name: data.name, kind: data.kind, parentId: data.parentId, establishedOn: data.establishedOn };
            const parent = data.parentId === null ? undefined : state.orgs.get(data.parentId);
            expect(decideRegisterOrganization(input, { today: TODAY, parent, existing: state.orgs.get(data.orgId) })[0].data).toEqual(data);
            break;
          }
          case 'MemberEnrolled': {
            const data = event.data as MemberEnrolledData;
            const input = { memberId: data.memberId, orgId: data.orgId, name: data.name, status: data.status, since: data.since };
            expect(decideEnrollMember(input, { today: TODAY, org: state.orgs.get(data.orgId), existing: state.members.get(data.memberId) })[0].data).toEqual(data);
            break;
          }
          case 'ActivityLogged': {
            const data = event.data as ActivityLoggedData;
            const input = { ...activityInputOf(data.orgId, data.activity), activityId: data.activityId, orgId: data.orgId, date: data.activity.date, kinds: data.activity.kinds };
            const facts = { today: TODAY, org: state.orgs.get(data.orgId), childGroups: [], members: membersOf(state.members, data.activity.attendees), existing: state.activities.get(data.activityId) };
            expect(decideLogActivity(input, facts).events[0].data).toEqual(data);
            seen.logged++;
            break;
          }
          case 'ActivityCorrected': {
            const data = event.data as ActivityCorrectedData;
            const existing = state.activities.get(data.activityId);
            expect(existing?.orgId).toBe(data.orgId);
            const input = { activityId: data.activityId, reason: data.reason, title: data.activity.title, hours: data.activity.hours };
            const facts = { today: TODAY, org: state.orgs.get(data.orgId), childGroups: [], members: membersOf(state.members, data.activity.attendees), existing };
            expect(decideCorrectActivity(input, facts)[0].data).toEqual(data);
            seen.corrected++;
            break;
          }
          case 'ActivityVoided': {
            const data = event.data as ActivityVoidedData;
            expect(state.activities.get(data.activityId)?.orgId).toBe(data.orgId);
            expect(decideVoidActivity({ activityId: data.activityId, reason: data.reason }, { existing: state.activities.get(data.activityId) })[0].data).toEqual(data);
            seen.voided++;
            break;
          }
          default:
            throw new Error(`unexpected event type ${event.type}`);
        }
        const version = (versions.get(batch.streamId) ?? 0) + 1;
        versions.set(batch.streamId, version);
        const stored: StoredEvent = { ...event, streamId: batch.streamId, streamVersion: version, globalPosition: ++position, prevHash: '', hash: '' };
        applyEvent(state, stored);
      }
    }
    // Mostly logged records, with a few per cent corrected and about one in a hundred voided.
    expect(seen.logged).toBeGreaterThan(plan.activityEvents * 0.9);
    expect(seen.corrected).toBeGreaterThan(0);
    expect(seen.voided).toBeGreaterThan(0);
  });
});

function membersOf(members: Map<string, MemberDoc>, attendees: readonly { memberId: string }[]): Record<string, MemberDoc | undefined> {
  return Object.fromEntries(attendees.map((a) => [a.memberId, members.get(a.memberId)]));
}
