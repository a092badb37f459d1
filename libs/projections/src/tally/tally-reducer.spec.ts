import type { ActivityDoc } from '../../../domain/src';
import { activityDoc, present, type ActivitySpec } from '../queries.spec-helper';
import { EMPTY_TALLY, foldTally, tallyMetrics, tallyReducer, type TallyContext } from './tally-reducer';
import type { TallyMetric } from './tally-result';

const ctx: TallyContext = { from: '2021-01-01', to: '2021-12-31', orgIds: new Set(['b1', 'b2']) };

function a(spec: Partial<ActivitySpec> & { id: string; kinds: string[] }): ActivityDoc {
  return activityDoc({ orgId: 'b1', date: '2021-03-10', ...spec });
}

function metricsOf(...activities: ActivityDoc[]): TallyMetric[] {
  return tallyMetrics(foldTally(activities, ctx));
}

function find(metrics: TallyMetric[], kind: string, measure: string, qualifier: string | null = null, unit: string | null = null) {
  return metrics.find((m) => m.kind === kind && m.measure === measure && m.qualifier === qualifier && m.unit === unit);
}

describe('tallyReducer', () => {
  it('counts a combined sitting once for each of its kinds', () => {
    const m = metricsOf(a({ id: 'a1', kinds: ['branch-assembly', 'party-lecture', 'theme-day'] }), a({ id: 'a2', kinds: ['theme-day'] }));
    expect(find(m, 'branch-assembly', 'count')).toMatchObject({ value: 1, activityIds: ['a1'] });
    expect(find(m, 'party-lecture', 'count')).toMatchObject({ value: 1, activityIds: ['a1'] });
    expect(find(m, 'theme-day', 'count')).toMatchObject({ value: 2, activityIds: ['a1', 'a2'] });
  });

  it('counts a joint 党小组会 once per participating group, and once when no groups are listed', () => {
    const m = metricsOf(
      a({ id: 'joint', kinds: ['group-meeting'], groups: ['g1', 'g2', 'g3'] }),
      a({ id: 'own', kinds: ['group-meeting'] }),
      a({ id: 'dup', kinds: ['group-meeting'], groups: ['g1', 'g1'] }),
    );
    expect(find(m, 'group-meeting', 'count')).toMatchObject({ value: 5, activityIds: ['joint', 'own', 'dup'] });
  });

  it('only multiplies the group-meeting count of a combined sitting, not its other kinds', () => {
    const m = metricsOf(a({ id: 'x', kinds: ['group-meeting', 'theme-day'], groups: ['g1', 'g2'] }));
    expect(find(m, 'group-meeting', 'count')?.value).toBe(2);
    expect(find(m, 'theme-day', 'count')?.value).toBe(1);
  });

  it('ignores voided activities and activities outside the period or orgs', () => {
    const tally = foldTally(
      [
        a({ id: 'void', kinds: ['theme-day'], voided: true }),
        a({ id: 'early', kinds: ['theme-day'], date: '2020-12-31' }),
        a({ id: 'late', kinds: ['theme-day'], date: '2022-01-01' }),
        a({ id: 'other', kinds: ['theme-day'], orgId: 'b9' }),
      ],
      ctx,
    );
    expect(tally).toBe(EMPTY_TALLY);
    expect(tallyMetrics(tally)).toEqual([]);
  });

  it('sums people present, excluding observers, leave and absence, and counts a person once per activity', () => {
    const m = metricsOf(
      a({
        id: 'a1',
        kinds: ['study-session'],
        attendees: [
          { memberId: 'm1', status: 'present' },
          { memberId: 'm2', status: 'present' },
          { memberId: 'm2', status: 'present' },
          { memberId: 'm3', status: 'observer' },
          { memberId: 'm4', status: 'leave' },
          { memberId: 'm5', status: 'absent' },
        ],
        headcount: 40,
      }),
      a({ id: 'a2', kinds: ['study-session'], attendees: present('m1', 'm3') }),
    );
    expect(find(m, 'study-session', 'attendance')).toMatchObject({ value: 4, activityIds: ['a1', 'a2'] });
    expect(find(m, 'study-session', 'participants')).toMatchObject({ value: 3, activityIds: ['a1', 'a2'] });
  });

  it('falls back to the bare headcount when no attendee list is kept', () => {
    const m = metricsOf(
      a({ id: 'named', kinds: ['theme-day'], attendees: present('m1', 'm2') }),
      a({ id: 'counted', kinds: ['theme-day'], headcount: 25 }),
      a({ id: 'silent', kinds: ['theme-day'] }),
    );
    expect(find(m, 'theme-day', 'attendance')).toMatchObject({ value: 27, activityIds: ['named', 'counted'] });
    // A headcount names nobody, so participants rest on the named list only.
    expect(find(m, 'theme-day', 'participants')).toMatchObject({ value: 2, activityIds: ['named'] });
    expect(find(m, 'theme-day', 'count')?.value).toBe(3);
  });

  it('lists no measure without data behind it: missing is not zero', () => {
    const m = metricsOf(a({ id: 'a1', kinds: ['first-topic'] }));
    expect(m.map((x) => x.measure)).toEqual(['count']);
    expect(find(m, 'first-topic', 'attendance')).toBeUndefined();
    expect(find(m, 'first-topic', 'hours')).toBeUndefined();
  });

  it('keeps a recorded zero as data', () => {
    const m = metricsOf(a({ id: 'a1', kinds: ['first-topic'], headcount: 0, hours: 0 }));
    expect(find(m, 'first-topic', 'attendance')?.value).toBe(0);
    expect(find(m, 'first-topic', 'hours')?.value).toBe(0);
  });

  it('gives each catalog qualifier its own entries beside the total', () => {
    const m = metricsOf(
      a({ id: 's1', kinds: ['party-lecture'], qualifier: 'secretary', headcount: 30 }),
      a({ id: 's2', kinds: ['party-lecture'], qualifier: 'secretary' }),
      a({ id: 'i1', kinds: ['party-lecture'], qualifier: 'invited' }),
      a({ id: 'p1', kinds: ['party-lecture'] }),
    );
    expect(find(m, 'party-lecture', 'count')).toMatchObject({ value: 4, activityIds: ['s1', 's2', 'i1', 'p1'] });
    expect(find(m, 'party-lecture', 'count', 'secretary')).toMatchObject({ value: 2, activityIds: ['s1', 's2'] });
    expect(find(m, 'party-lecture', 'attendance', 'secretary')).toMatchObject({ value: 30, activityIds: ['s1'] });
    expect(find(m, 'party-lecture', 'count', 'invited')?.value).toBe(1);
    expect(find(m, 'party-lecture', 'count', 'leader')).toBeUndefined();
  });

  it('applies a qualifier only to the kinds of a combined sitting whose catalog defines it', () => {
    const m = metricsOf(a({ id: 'x', kinds: ['branch-assembly', 'party-lecture'], qualifier: 'secretary' }));
    expect(find(m, 'party-lecture', 'count', 'secretary')?.value).toBe(1);
    expect(m.filter((x) => x.kind === 'branch-assembly').map((x) => x.qualifier)).toEqual([null]);
  });

  it('sums quantities per unit and hours, with provenance', () => {
    const m = metricsOf(
      a({
        id: 'r1',
        kinds: ['research-visit'],
        hours: 1.5,
        quantities: [
          { amount: 2, unit: '篇', item: '调研报告' },
          { amount: 1, unit: '篇', item: '信息稿件' },
          { amount: 3, unit: '份', item: '问卷' },
        ],
      }),
      a({ id: 'r2', kinds: ['research-visit'], hours: 0.1, quantities: [{ amount: 4, unit: '篇', item: '调研报告' }] }),
      a({ id: 'r3', kinds: ['research-visit'], hours: 0.2 }),
    );
    expect(find(m, 'research-visit', 'quantity', null, '篇')).toMatchObject({ value: 7, activityIds: ['r1', 'r2'] });
    expect(find(m, 'research-visit', 'quantity', null, '份')).toMatchObject({ value: 3, activityIds: ['r1'] });
    expect(find(m, 'research-visit', 'hours')).toMatchObject({ value: 1.8, unit: null, activityIds: ['r1', 'r2', 'r3'] });
    expect(m.filter((x) => x.measure !== 'quantity').every((x) => x.unit === null)).toBe(true);
  });

  it('sorts by catalog kind, qualifier (total first), then measure', () => {
    const m = metricsOf(
      a({ id: 'l', kinds: ['party-lecture'], qualifier: 'invited', attendees: present('m1'), hours: 2, quantities: [{ amount: 1, unit: '篇', item: null }] }),
      a({ id: 'l2', kinds: ['party-lecture'], qualifier: 'secretary' }),
      a({ id: 'b', kinds: ['branch-assembly'] }),
      a({ id: 'u', kinds: ['zz-local-kind'] }),
    );
    expect(m.map((x) => `${x.kind}/${x.qualifier ?? '-'}/${x.measure}`)).toEqual([
      'branch-assembly/-/count',
      'party-lecture/-/count',
      'party-lecture/-/attendance',
      'party-lecture/-/participants',
      'party-lecture/-/hours',
      'party-lecture/-/quantity',
      'party-lecture/secretary/count',
      'party-lecture/invited/count',
      'party-lecture/invited/attendance',
      'party-lecture/invited/participants',
      'party-lecture/invited/hours',
      'party-lecture/invited/quantity',
      'zz-local-kind/-/count',
    ]);
  });

  it('never changes the tally it is given', () => {
    const first = tallyReducer(EMPTY_TALLY, a({ id: 'a1', kinds: ['theme-day'], attendees: present('m1') }), ctx);
    const before = tallyMetrics(first);
    const second = tallyReducer(first, a({ id: 'a2', kinds: ['theme-day'], attendees: present('m2') }), ctx);
    expect(tallyMetrics(first)).toEqual(before);
    expect(find(tallyMetrics(second), 'theme-day', 'participants')?.value).toBe(2);
    // Another continuation of the same tally is independent of the first one.
    const other = tallyReducer(first, a({ id: 'a3', kinds: ['theme-day'], attendees: present('m1') }), ctx);
    expect(find(tallyMetrics(other), 'theme-day', 'participants')).toMatchObject({ value: 1, activityIds: ['a1', 'a3'] });
    expect(find(tallyMetrics(second), 'theme-day', 'count')?.activityIds).toEqual(['a1', 'a2']);
    expect(EMPTY_TALLY.buckets).toEqual([]);
  });
});
