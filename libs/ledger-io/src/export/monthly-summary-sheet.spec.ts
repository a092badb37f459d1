import { ACTIVITIES } from './export.spec-helper';
import { monthlySummarySheet } from './monthly-summary-sheet';

describe('monthly summary', () => {
  const sheet = monthlySummarySheet(ACTIVITIES);
  const column = (header: string) => sheet.columns.findIndex((c) => c.header === header);

  it('has a row per month and a total, the 三会一课 columns first', () => {
    expect(sheet.name).toBe('月度汇总');
    expect(sheet.rows.map((r) => r[0])).toEqual([...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), '合计']);
    expect(sheet.columns.map((c) => c.header)).toEqual(['月份', '支部党员大会', '支部委员会会议', '党小组会', '党课', '调研', '活动记录数']);
  });

  it('counts as the tally does: a combined sitting once per kind, a joint 党小组会 once per group', () => {
    const march = sheet.rows[2];
    expect(march[column('支部党员大会')]).toBe(1);
    expect(march[column('党课')]).toBe(1);
    expect(march[column('党小组会')]).toBe(2);
    expect(march[column('活动记录数')]).toBe(2);
    const total = sheet.rows[12];
    expect(total.slice(1)).toEqual([1, 1, 2, 1, 1, 4]);
    expect(sheet.rows[1].slice(1)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
