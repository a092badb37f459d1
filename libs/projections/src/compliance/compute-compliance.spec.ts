import { DEFAULT_COMPLIANCE_RULES, RULE_VERSION, type ComplianceRule } from '../../../domain/src';
import { activityDoc, memberDoc, orgDoc, present, viewOf } from '../queries.spec-helper';
import type { ComplianceRow } from './compliance-result';
import { computeCompliance, computeComplianceTree } from './compute-compliance';
import { isPending } from './rule-match';

const orgs = [
  orgDoc('c1', 'committee', null),
  orgDoc('b1', 'branch', 'c1'),
  orgDoc('g1', 'group', 'b1'),
  orgDoc('g2', 'group', 'b1', { establishedOn: '2021-07-01' }),
  orgDoc('g3', 'group', 'b1', { dissolvedOn: '2020-12-31' }),
  orgDoc('b2', 'branch', 'c1', { establishedOn: '2021-04-10' }),
  orgDoc('gb', 'general-branch', 'c1'),
  orgDoc('b3', 'branch', 'gb'),
  orgDoc('b4', 'branch', 'c1', { dissolvedOn: '2020-06-30' }),
];

const activities = [
  activityDoc({ id: 'cm-jan', orgId: 'b1', date: '2021-01-12', kinds: ['committee-meeting'] }),
  activityDoc({ id: 'cm-feb-1', orgId: 'b1', date: '2021-02-03', kinds: ['committee-meeting'] }),
  activityDoc({ id: 'cm-feb-2', orgId: 'b1', date: '2021-02-24', kinds: ['committee-meeting'] }),
  activityDoc({ id: 'cm-mar-void', orgId: 'b1', date: '2021-03-05', kinds: ['committee-meeting'], voided: true }),
  activityDoc({ id: 'cm-may', orgId: 'b1', date: '2021-05-06', kinds: ['committee-meeting'] }),
  activityDoc({ id: 'cm-g1', orgId: 'g1', date: '2021-03-06', kinds: ['committee-meeting'] }),
  // A combined sitting: 支部党员大会 + 党课 by the secretary + 主题党日.
  activityDoc({ id: 'combined-q1', orgId: 'b1', date: '2021-03-20', kinds: ['branch-assembly', 'party-lecture', 'theme-day'], qualifier: 'secretary' }),
  activityDoc({ id: 'lecture-q2', orgId: 'b1', date: '2021-04-20', kinds: ['party-lecture'], qualifier: 'invited' }),
  activityDoc({ id: 'gm-g1-jan', orgId: 'g1', date: '2021-01-15', kinds: ['group-meeting'] }),
  activityDoc({ id: 'gm-joint-jul', orgId: 'b1', date: '2021-07-08', kinds: ['group-meeting'], groups: ['g1', 'g2'] }),
  activityDoc({ id: 'gm-g2-aug', orgId: 'g2', date: '2021-08-08', kinds: ['group-meeting'], groups: ['g2', 'g1'] }),
  activityDoc({ id: 'gm-b1-own', orgId: 'b1', date: '2021-09-09', kinds: ['group-meeting'] }),
  activityDoc({ id: 'cm-b2-apr', orgId: 'b2', date: '2021-04-12', kinds: ['committee-meeting'] }),
  activityDoc({ id: 'dlm', orgId: 'c1', date: '2021-12-20', kinds: ['democratic-life-meeting'] }),
];

const view = viewOf({ orgs, activities });
const today = '2021-05-15';

function rowsOf(rows: ComplianceRow[], rule: string, org?: string) {
  return rows.filter((r) => r.rule === rule && (org === undefined || r.org === org));
}

describe('computeCompliance', () => {
  it('gives monthly should/did with pending for months not yet over, voided and group activities not counted', async () => {
    const result = await computeCompliance(view, { orgId: 'b1', year: 2021, today });
    expect(result.org).toBe('b1');
    expect(result.ruleVersion).toBe(RULE_VERSION);
    const rows = rowsOf(result.rules, 'committee-meeting-monthly');
    expect(rows.map((r) => r.period)).toEqual(Array.from({ length: 12 }, (_, i) => `2021-${String(i + 1).padStart(2, '0')}`));
    expect(rows.slice(0, 6).map((r) => [r.did, r.ok, r.pending])).toEqual([
      [1, true, false],
      [2, true, false],
      [0, false, false],
      [0, false, false],
      [1, true, true],
      [0, false, true],
    ]);
    expect(rows[1]).toEqual({
      rule: 'committee-meeting-monthly',
      kind: 'committee-meeting',
      qualifier: null,
      org: 'b1',
      period: '2021-02',
      should: 1,
      did: 2,
      ok: true,
      pending: false,
      activityIds: ['cm-feb-1', 'cm-feb-2'],
    });
  });

  it('checks quarterly and yearly rules, counting a combined sitting for each of its kinds and a qualifier rule by qualifier', async () => {
    const result = await computeCompliance(view, { orgId: 'b1', year: 2021, today });
    expect(rowsOf(result.rules, 'branch-assembly-quarterly').map((r) => [r.period, r.did, r.ok, r.pending])).toEqual([
      ['2021-Q1', 1, true, false],
      ['2021-Q2', 0, false, true],
      ['2021-Q3', 0, false, true],
      ['2021-Q4', 0, false, true],
    ]);
    expect(rowsOf(result.rules, 'party-lecture-quarterly').map((r) => r.did)).toEqual([1, 1, 0, 0]);
    expect(rowsOf(result.rules, 'party-lecture-secretary-yearly')).toMatchObject([
      { period: '2021', qualifier: 'secretary', should: 1, did: 1, ok: true, pending: true, activityIds: ['combined-q1'] },
    ]);
    expect(rowsOf(result.rules, 'theme-day-monthly')[2]).toMatchObject({ period: '2021-03', did: 1, activityIds: ['combined-q1'] });
    expect(rowsOf(result.rules, 'warning-education-yearly')).toMatchObject([{ should: 2, did: 0, ok: false }]);
  });

  it('checks 党小组会 per group that exists in the period, with joint meetings counted for each group listed', async () => {
    const result = await computeCompliance(view, { orgId: 'b1', year: 2021, today: '2022-01-10' });
    const g1 = rowsOf(result.rules, 'group-meeting-monthly', 'g1');
    const g2 = rowsOf(result.rules, 'group-meeting-monthly', 'g2');
    expect(g1).toHaveLength(12);
    expect(g1.filter((r) => r.did > 0).map((r) => [r.period, r.did, r.activityIds])).toEqual([
      ['2021-01', 1, ['gm-g1-jan']],
      ['2021-07', 1, ['gm-joint-jul']],
      ['2021-08', 1, ['gm-g2-aug']],
    ]);
    // g2 was founded in July: no rows before.
    expect(g2.map((r) => r.period)).toEqual(['2021-07', '2021-08', '2021-09', '2021-10', '2021-11', '2021-12']);
    expect(g2.slice(0, 2).map((r) => [r.did, r.ok, r.pending])).toEqual([
      [1, true, false],
      [1, true, false],
    ]);
    // The dissolved group and the branch itself get no per-group rows.
    expect(rowsOf(result.rules, 'group-meeting-monthly', 'g3')).toEqual([]);
    expect(rowsOf(result.rules, 'group-meeting-monthly', 'b1')).toEqual([]);
  });

  it('applies only the rules binding the org kind', async () => {
    const result = await computeCompliance(view, { orgId: 'c1', year: 2021, today });
    expect(result.rules).toEqual([
      expect.objectContaining({ rule: 'democratic-life-meeting-yearly', org: 'c1', should: 1, did: 1, ok: true, pending: true }),
    ]);
    expect(result.coverage).toEqual([]);
  });

  it('omits periods before an org was founded', async () => {
    const result = await computeCompliance(view, { orgId: 'b2', year: 2021, today });
    expect(rowsOf(result.rules, 'committee-meeting-monthly').map((r) => r.period)[0]).toBe('2021-04');
    expect(rowsOf(result.rules, 'committee-meeting-monthly')[0]).toMatchObject({ did: 1, ok: true });
    expect(rowsOf(result.rules, 'branch-assembly-quarterly').map((r) => r.period)).toEqual(['2021-Q2', '2021-Q3', '2021-Q4']);
  });

  it('takes local rules and records them as custom', async () => {
    const rules: ComplianceRule[] = [
      { id: 'lecture-twice', kind: 'party-lecture', every: 'year', min: 3, orgKinds: ['branch'], source: 'local' },
    ];
    const result = await computeCompliance(view, { orgId: 'b1', year: 2021, today, rules });
    expect(result.ruleVersion).toBe('custom');
    expect(result.rules).toMatchObject([{ rule: 'lecture-twice', should: 3, did: 2, ok: false }]);
    const named = await computeCompliance(view, { orgId: 'b1', year: 2021, today, rules, ruleVersion: '某市-2021' });
    expect(named.ruleVersion).toBe('某市-2021');
  });

  it('refuses an unknown org and a malformed today', async () => {
    await expect(computeCompliance(view, { orgId: 'nope', year: 2021, today })).rejects.toMatchObject({ issues: [{ field: 'orgId' }] });
    await expect(computeCompliance(view, { orgId: 'b1', year: 2021, today: '2021-5-1' })).rejects.toMatchObject({ issues: [{ field: 'today' }] });
  });
});

describe('isPending', () => {
  it('keeps a period pending through its last day', () => {
    const march = { id: '2021-03', from: '2021-03-01', to: '2021-03-31' };
    expect(isPending(march, '2021-03-31')).toBe(true);
    expect(isPending(march, '2021-04-01')).toBe(false);
    expect(isPending(march, '2020-12-01')).toBe(true);
  });
});

describe('coverage (谈心谈话)', () => {
  const members = [
    memberDoc('m1', [{ orgId: 'b1' }]),
    memberDoc('m2', [{ orgId: 'b1' }]),
    memberDoc('m3', [{ orgId: 'b1' }]),
    memberDoc('m4', [{ orgId: 'b1' }]),
    memberDoc('m5', [{ orgId: 'g1' }]),
    // Transferred out in March: still a member during the year.
    memberDoc('m6', [{ orgId: 'b1', to: '2021-03-01' }, { orgId: 'b2', from: '2021-03-01' }]),
    memberDoc('m7', [{ orgId: 'b1', to: '2020-11-01' }]),
    memberDoc('m8', [{ orgId: 'b1', from: '2022-01-05' }]),
  ];
  const talks = [
    activityDoc({ id: 'talk-1', orgId: 'b1', date: '2021-02-01', kinds: ['heart-talk'], attendees: [...present('m1', 'm2'), { memberId: 'm3', status: 'observer' }] }),
    activityDoc({ id: 'talk-2', orgId: 'g1', date: '2021-06-01', kinds: ['heart-talk'], attendees: present('m5', 'm1') }),
    activityDoc({ id: 'talk-count', orgId: 'b1', date: '2021-07-01', kinds: ['heart-talk'], headcount: 8 }),
    activityDoc({ id: 'talk-void', orgId: 'b1', date: '2021-07-02', kinds: ['heart-talk'], attendees: present('m4'), voided: true }),
    activityDoc({ id: 'talk-b2', orgId: 'b2', date: '2021-07-03', kinds: ['heart-talk'], attendees: present('m6') }),
  ];
  const coverageView = viewOf({ orgs, members, activities: talks });

  it('counts members of the org and its groups during the year, covered when present at least once', async () => {
    const result = await computeCompliance(coverageView, { orgId: 'b1', year: 2021, today });
    expect(result.coverage).toEqual([
      {
        rule: 'heart-talk-coverage',
        kind: 'heart-talk',
        qualifier: null,
        org: 'b1',
        period: '2021',
        min: 1,
        should: 6,
        did: 3,
        ok: false,
        pending: true,
        uncovered: ['m3', 'm4', 'm6'],
        activityIds: ['talk-1', 'talk-2', 'talk-count'],
      },
    ]);
    expect(result.rules.some((r) => r.kind === 'heart-talk')).toBe(false);
  });

  it('honours a higher minimum', async () => {
    const rules = [{ ...DEFAULT_COMPLIANCE_RULES.find((r) => r.coverage)!, min: 2 }];
    const result = await computeCompliance(coverageView, { orgId: 'b1', year: 2021, today: '2022-02-01', rules });
    expect(result.coverage[0]).toMatchObject({ should: 6, did: 1, ok: false, pending: false, uncovered: ['m2', 'm3', 'm4', 'm5', 'm6'] });
  });

  it('is met when every member took part', async () => {
    const result = await computeCompliance(coverageView, { orgId: 'b2', year: 2021, today });
    expect(result.coverage[0]).toMatchObject({ should: 1, did: 1, ok: true, uncovered: [] });
  });
});

describe('computeComplianceTree', () => {
  it('gives every org beneath a committee that existed in the year, groups inside their branch', async () => {
    const tree = await computeComplianceTree(view, { orgId: 'c1', year: 2021, today });
    expect(tree.org).toBe('c1');
    expect(tree.ruleVersion).toBe(RULE_VERSION);
    expect(tree.orgs.map((o) => o.org)).toEqual(['c1', 'b1', 'b2', 'gb', 'b3']);
    const b1 = tree.orgs[1];
    const single = await computeCompliance(view, { orgId: 'b1', year: 2021, today });
    expect(b1).toEqual(single);
    expect(rowsOf(b1.rules, 'group-meeting-monthly', 'g1')).toHaveLength(12);
    expect(rowsOf(tree.orgs[3].rules, 'committee-meeting-monthly')).toHaveLength(12);
  });
});
