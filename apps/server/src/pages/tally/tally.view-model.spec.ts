import type { TallyMetric } from '../../../../../libs/projections/src/tally/tally-result';
import { periodIdOf, periodOptions, rollupMatrix, tallyRows } from './tally.view-model';

function metric(kind: string, measure: TallyMetric['measure'], value: number, qualifier: string | null = null, unit: string | null = null): TallyMetric {
  return { kind, qualifier, measure, unit, value, activityIds: ['a1'] };
}

describe('the tally page', () => {
  it('reads the period chooser as a period id of the year', () => {
    expect(periodIdOf(2025, '')).toBeUndefined();
    expect(periodIdOf(2025, 'q2')).toBe('2025-Q2');
    expect(periodIdOf(2025, '3')).toBe('2025-03');
    expect(periodOptions('3').find((o) => o.selected)?.label).toBe('3月');
  });

  it('puts every measure of a kind on one row, qualifiers beneath, and a dash where nothing was recorded', () => {
    const rows = tallyRows(
      [
        metric('party-lecture', 'count', 2),
        metric('party-lecture', 'count', 1, 'secretary'),
        metric('branch-assembly', 'count', 4),
        metric('branch-assembly', 'hours', 7.5),
        metric('research-visit', 'quantity', 3, null, '篇'),
      ],
      (kind) => `/ledger?kind=${kind}`,
    );
    expect(rows.map((r) => [r.label, r.count, r.hours, r.quantity])).toEqual([
      ['支部党员大会', '4', '7.5', '—'],
      ['党课', '2', '—', '—'],
      ['其中：支部书记', '1', '—', '—'],
      ['调研', '—', '—', '3 篇'],
    ]);
  });

  it('lays out the roll-up: the org first, then each child, one column per kind counted', () => {
    const matrix = rollupMatrix(
      [
        { id: 'c1', name: '机关党委', self: true, metrics: [metric('theme-day', 'count', 3), metric('branch-assembly', 'count', 1)] },
        { id: 'b1', name: '第一党支部', self: false, metrics: [metric('branch-assembly', 'count', 1)] },
      ],
      2025,
      '',
    );
    expect(matrix.kinds).toEqual(['支部党员大会', '主题党日']);
    expect(matrix.rows.map((r) => [r.name, ...r.cells])).toEqual([
      ['机关党委（合计）', '1', '3'],
      ['第一党支部', '1', '—'],
    ]);
  });
});
