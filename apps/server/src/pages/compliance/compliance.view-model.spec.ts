import type { ComplianceResult, ComplianceRow } from '../../../../../libs/projections/src/compliance/compliance-result';
import { cellState, complianceGrid, complianceSummary } from './compliance.view-model';

function row(rule: string, kind: string, period: string, should: number, did: number, pending: boolean, org = 'b1'): ComplianceRow {
  return { rule, kind, qualifier: null, org, period, should, did, ok: did >= should, pending, activityIds: [] };
}

describe('the compliance board grid', () => {
  const result: ComplianceResult = {
    org: 'b1',
    year: 2025,
    ruleVersion: 'v',
    rules: [
      row('branch-assembly-quarterly', 'branch-assembly', '2025-Q1', 1, 1, false),
      row('branch-assembly-quarterly', 'branch-assembly', '2025-Q2', 1, 0, false),
      row('branch-assembly-quarterly', 'branch-assembly', '2025-Q3', 1, 0, true),
      row('branch-assembly-quarterly', 'branch-assembly', '2025-Q4', 1, 0, true),
      row('group-meeting-monthly', 'group-meeting', '2025-03', 1, 2, false, 'g1'),
      row('org-life-meeting-yearly', 'org-life-meeting', '2025', 1, 0, true),
    ],
    coverage: [],
  };

  it('spans a quarterly rule over three months and a yearly one over twelve', () => {
    const grid = complianceGrid(result, new Map([['g1', '第一党小组']]), 'b1');
    const assembly = grid.find((r) => r.label.startsWith('支部党员大会'));
    expect(assembly?.cells.map((c) => [c.span, c.state, c.text])).toEqual([
      [3, 'ok', '1/1'],
      [3, 'short', '0/1'],
      [3, 'pending', '0/1'],
      [3, 'pending', '0/1'],
    ]);
    const yearly = grid.find((r) => r.label.startsWith('组织生活会'));
    expect(yearly?.cells).toHaveLength(1);
    expect(yearly?.cells[0].span).toBe(12);
  });

  it('gives each 党小组 its own row, with months the group did not exist marked as not applicable', () => {
    const grid = complianceGrid(result, new Map([['g1', '第一党小组']]), 'b1');
    const group = grid.find((r) => r.label.includes('第一党小组'));
    expect(group?.cells).toHaveLength(12);
    expect(group?.cells[2]).toMatchObject({ state: 'ok', text: '2/1', link: '/ledger?org=b1&year=2025&kind=group-meeting&month=3' });
    expect(group?.cells[0]).toMatchObject({ state: 'none', link: null });
  });

  it('counts met, short and pending rules, and a met rule is ok even while its period runs', () => {
    expect(complianceSummary(result)).toEqual({ ok: 2, short: 1, pending: 3, total: 6 });
    expect(cellState({ ok: true, pending: true })).toBe('ok');
  });
});
