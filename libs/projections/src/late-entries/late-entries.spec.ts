import { activityDoc, orgDoc, revision, viewOf } from '../queries.spec-helper';
import { findLateEntries, lateEntriesOf } from './late-entries';

const orgs = [orgDoc('b1', 'branch', null), orgDoc('g1', 'group', 'b1')];

// Recorded at 02:00Z = 10:00 China time on the given day.
const at = (day: string) => `${day}T02:00:00.000Z`;

const activities = [
  activityDoc({ id: 'on-time', orgId: 'b1', date: '2021-03-01', kinds: ['theme-day'], loggedAt: at('2021-03-02') }),
  activityDoc({ id: 'day-30', orgId: 'b1', date: '2021-03-01', kinds: ['theme-day'], loggedAt: at('2021-03-31') }),
  activityDoc({ id: 'day-31', orgId: 'b1', date: '2021-03-01', kinds: ['theme-day', 'party-lecture'], loggedAt: at('2021-04-01'), loggedBy: 'clerk' }),
  // 2021-03-31T16:30Z is already 2021-04-01 in China: 31 days.
  activityDoc({ id: 'china-midnight', orgId: 'b1', date: '2021-03-01', kinds: ['theme-day'], loggedAt: '2021-03-31T16:30:00.000Z' }),
  activityDoc({ id: 'utc-same-day', orgId: 'b1', date: '2021-03-01', kinds: ['theme-day'], loggedAt: '2021-03-31T15:59:00.000Z' }),
  activityDoc({ id: 'jan-in-june', orgId: 'g1', date: '2021-01-10', kinds: ['group-meeting'], loggedAt: at('2021-06-30') }),
  activityDoc({ id: 'voided-late', orgId: 'b1', date: '2021-02-01', kinds: ['theme-day'], loggedAt: at('2021-05-01'), voided: true }),
  activityDoc({
    id: 'fixed-late',
    orgId: 'b1',
    date: '2021-02-10',
    kinds: ['study-session'],
    loggedAt: at('2021-02-10'),
    revisions: [
      revision('ActivityLogged', at('2021-02-10')),
      revision('ActivityCorrected', at('2021-03-10'), 'secretary', '补充出席名单'),
      revision('ActivityCorrected', at('2021-04-10'), 'auditor', '改正学时'),
    ],
  }),
  activityDoc({ id: 'last-year', orgId: 'b1', date: '2020-11-01', kinds: ['theme-day'], loggedAt: at('2021-02-01') }),
];

const view = viewOf({ orgs, activities });

describe('findLateEntries', () => {
  it('lists activities first recorded more than 30 days after they occurred (30 is on time, 31 late)', async () => {
    const result = await findLateEntries(view, { orgId: 'b1', year: 2021 });
    expect(result).toMatchObject({ org: 'b1', year: 2021, days: 30 });
    expect(result.entries.map((e) => e.activityId)).toEqual(['voided-late', 'china-midnight', 'day-31']);
    expect(result.entries.find((e) => e.activityId === 'day-31')).toEqual({
      type: 'logged',
      activityId: 'day-31',
      orgId: 'b1',
      date: '2021-03-01',
      kinds: ['theme-day', 'party-lecture'],
      recordedAt: at('2021-04-01'),
      actor: 'clerk',
      source: 'cli',
      daysLate: 31,
      voided: false,
      reason: null,
    });
    expect(result.entries[0]).toMatchObject({ activityId: 'voided-late', voided: true, daysLate: 89 });
  });

  it('takes another threshold and the subtree with roll-up', async () => {
    const result = await findLateEntries(view, { orgId: 'b1', year: 2021, days: 100, rollup: true });
    expect(result.days).toBe(100);
    expect(result.entries.map((e) => [e.activityId, e.orgId, e.daysLate])).toEqual([['jan-in-june', 'g1', 171]]);
    const zero = await findLateEntries(view, { orgId: 'b1', year: 2021, days: 0 });
    expect(zero.entries.map((e) => e.activityId)).toContain('on-time');
  });

  it('lists corrections recorded late only when asked', async () => {
    const plain = await findLateEntries(view, { orgId: 'b1', year: 2021 });
    expect(plain.entries.some((e) => e.type !== 'logged')).toBe(false);
    const withFixes = await findLateEntries(view, { orgId: 'b1', year: 2021, includeCorrections: true });
    expect(withFixes.entries.filter((e) => e.type === 'correction')).toEqual([
      expect.objectContaining({ activityId: 'fixed-late', recordedAt: at('2021-04-10'), actor: 'auditor', daysLate: 59, reason: '改正学时' }),
    ]);
  });

  it('refuses a negative threshold and an unknown org', async () => {
    await expect(findLateEntries(view, { orgId: 'b1', year: 2021, days: -1 })).rejects.toMatchObject({ issues: [{ field: 'days' }] });
    await expect(findLateEntries(view, { orgId: 'nope', year: 2021 })).rejects.toMatchObject({ issues: [{ field: 'orgId' }] });
  });
});

describe('lateEntriesOf', () => {
  it('lists a late void as such when corrections are asked for', () => {
    const doc = activityDoc({
      id: 'v',
      orgId: 'b1',
      date: '2021-01-01',
      kinds: ['theme-day'],
      voided: true,
      revisions: [revision('ActivityLogged', at('2021-01-01')), revision('ActivityVoided', at('2021-03-01'), 'secretary', '重复录入')],
    });
    expect(lateEntriesOf([doc], 30, true)).toEqual([expect.objectContaining({ type: 'void', daysLate: 59, reason: '重复录入', voided: true })]);
    expect(lateEntriesOf([doc], 30, false)).toEqual([]);
  });
});
