import type { ActivityDetails, ActivityDoc } from '../../../domain/src';
import { ValidationError } from '../../../domain/src';
import type { StoredEvent } from '../../../event-store/src/envelope';
import { activityDoc, orgDoc, present, viewOf } from '../queries.spec-helper';
import { activityReducer } from '../reducers/activity-reducer';
import { computeTally, computeTallyBreakdown } from './compute-tally';
import type { TallyMetric } from './tally-result';

const orgs = [
  orgDoc('c1', 'committee', null),
  orgDoc('b1', 'branch', 'c1'),
  orgDoc('g1', 'group', 'b1'),
  orgDoc('b2', 'branch', 'c1'),
  orgDoc('other', 'branch', null),
];

const activities = [
  activityDoc({ id: 'b1-jan', orgId: 'b1', date: '2021-01-20', kinds: ['theme-day'], attendees: present('m1', 'm2', 'm3') }),
  activityDoc({ id: 'g1-apr', orgId: 'g1', date: '2021-04-02', kinds: ['theme-day'], attendees: present('m1', 'm2') }),
  activityDoc({ id: 'b2-mar', orgId: 'b2', date: '2021-03-31', kinds: ['theme-day'], attendees: present('m2', 'm9') }),
  activityDoc({ id: 'voided', orgId: 'b1', date: '2021-02-01', kinds: ['theme-day'], attendees: present('m7'), voided: true }),
  activityDoc({ id: 'last-year', orgId: 'b1', date: '2020-12-31', kinds: ['theme-day'] }),
  activityDoc({ id: 'elsewhere', orgId: 'other', date: '2021-05-01', kinds: ['theme-day'] }),
];

const view = viewOf({ orgs, activities });

function find(metrics: TallyMetric[], measure: string) {
  return metrics.find((m) => m.kind === 'theme-day' && m.qualifier === null && m.measure === measure);
}

describe('computeTally', () => {
  it('returns the JSON contract for one org over a year, voided and other years left out', async () => {
    const result = await computeTally(view, { orgId: 'b1', year: 2021, rollup: false });
    expect(JSON.parse(JSON.stringify(result))).toEqual({
      org: 'b1',
      year: 2021,
      period: '2021',
      rollup: false,
      metrics: [
        { kind: 'theme-day', qualifier: null, measure: 'count', unit: null, value: 1, activityIds: ['b1-jan'] },
        { kind: 'theme-day', qualifier: null, measure: 'attendance', unit: null, value: 3, activityIds: ['b1-jan'] },
        { kind: 'theme-day', qualifier: null, measure: 'participants', unit: null, value: 3, activityIds: ['b1-jan'] },
      ],
    });
  });

  it('rolls up the subtree: counts and attendance add up, participants are a union', async () => {
    const result = await computeTally(view, { orgId: 'c1', year: 2021, rollup: true });
    expect(find(result.metrics, 'count')).toMatchObject({ value: 3, activityIds: ['b1-jan', 'b2-mar', 'g1-apr'] });
    expect(find(result.metrics, 'attendance')?.value).toBe(3 + 2 + 2);
    // m1, m2, m3 in b1; m1, m2 in g1; m2, m9 in b2: four people, not seven.
    expect(find(result.metrics, 'participants')?.value).toBe(4);
  });

  it('without roll-up a committee sees only its own activities (none here)', async () => {
    const result = await computeTally(view, { orgId: 'c1', year: 2021, rollup: false });
    expect(result.metrics).toEqual([]);
  });

  it('narrows to a quarter or a month of the year', async () => {
    const q1 = await computeTally(view, { orgId: 'c1', year: 2021, period: '2021-Q1', rollup: true });
    expect(q1.period).toBe('2021-Q1');
    expect(find(q1.metrics, 'count')?.activityIds).toEqual(['b1-jan', 'b2-mar']);
    const april = await computeTally(view, { orgId: 'c1', year: 2021, period: '2021-04', rollup: true });
    expect(find(april.metrics, 'count')?.activityIds).toEqual(['g1-apr']);
  });

  it('refuses a period outside the year, a malformed period and an unknown org', async () => {
    await expect(computeTally(view, { orgId: 'b1', year: 2021, period: '2020-Q4', rollup: false })).rejects.toMatchObject({
      issues: [{ field: 'period' }],
    });
    await expect(computeTally(view, { orgId: 'b1', year: 2021, period: '2021-13', rollup: false })).rejects.toThrow(ValidationError);
    await expect(computeTally(view, { orgId: 'nope', year: 2021, rollup: true })).rejects.toMatchObject({ issues: [{ field: 'orgId' }] });
  });

  it('counts a corrected activity as corrected and drops it once voided', async () => {
    const logged: ActivityDetails = { ...activityDoc({ id: 'x', orgId: 'b2', date: '2021-06-01', kinds: ['study-session'] }).details, headcount: 10 };
    let doc = activityReducer(undefined, stored(1, 'ActivityLogged', { activityId: 'x', orgId: 'b2', activity: logged }));
    doc = activityReducer(
      doc,
      stored(2, 'ActivityCorrected', {
        activityId: 'x',
        orgId: 'b2',
        activity: { ...logged, kinds: ['seminar'], headcount: 12 },
        changedFields: ['kinds', 'headcount'],
        reason: '类型填错',
      }),
    );
    const corrected = await computeTally(viewOf({ orgs, activities: [doc as ActivityDoc] }), { orgId: 'b2', year: 2021, rollup: false });
    expect(corrected.metrics.map((m) => `${m.kind}/${m.measure}=${m.value}`)).toEqual(['seminar/count=1', 'seminar/attendance=12']);

    doc = activityReducer(doc, stored(3, 'ActivityVoided', { activityId: 'x', orgId: 'b2', reason: '重复录入' }));
    const voided = await computeTally(viewOf({ orgs, activities: [doc as ActivityDoc] }), { orgId: 'b2', year: 2021, rollup: false });
    expect(voided.metrics).toEqual([]);
  });
});

describe('computeTallyBreakdown', () => {
  it('splits the year into quarters and months from one read', async () => {
    const b = await computeTallyBreakdown(view, { orgId: 'c1', year: 2021, rollup: true });
    expect(b.quarters.map((q) => q.period)).toEqual(['2021-Q1', '2021-Q2', '2021-Q3', '2021-Q4']);
    expect(b.quarters.map((q) => find(q.metrics, 'count')?.value ?? null)).toEqual([2, 1, null, null]);
    expect(b.months).toHaveLength(12);
    expect(b.months.map((m) => find(m.metrics, 'count')?.activityIds ?? [])).toEqual([
      ['b1-jan'], [], ['b2-mar'], ['g1-apr'], [], [], [], [], [], [], [], [],
    ]);
    expect(find(b.quarters[0].metrics, 'participants')?.value).toBe(4);
  });
});

function stored(version: number, type: string, data: unknown): StoredEvent {
  return {
    eventId: `e${version}`,
    type,
    schemaVersion: 1,
    data,
    metadata: { actor: 'secretary', recordedAt: `2021-06-0${version}T02:00:00.000Z`, source: 'cli', correlationId: 'c', causationId: null },
    streamId: 'org-b2',
    streamVersion: version,
    globalPosition: BigInt(version),
    prevHash: '',
    hash: '',
  };
}
