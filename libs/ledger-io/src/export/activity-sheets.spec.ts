import { activitySheet, chinaTime, threeMeetingsSheets, voidedSheet } from './activity-sheets';
import { exportData, names, VOIDED } from './export.spec-helper';

describe('activity sheets', () => {
  const data = exportData();

  it('lists every live activity once, in date order', () => {
    const sheet = activitySheet(data.activities, names(), false);
    expect(sheet.name).toBe('活动台账');
    const idColumn = sheet.columns.findIndex((c) => c.header === '活动编号');
    expect(sheet.rows.map((r) => r[idColumn])).toEqual(['a-committee', 'a-combined', 'a-groups', 'a-research']);
  });

  it('gives each kind of 三会一课 its sheet, a combined sitting on each of its kinds', () => {
    const sheets = threeMeetingsSheets(data.activities, names(), false);
    expect(sheets.map((s) => s.name)).toEqual(['支部党员大会', '支委会', '党小组会', '党课']);
    const idColumn = sheets[0].columns.findIndex((c) => c.header === '活动编号');
    expect(sheets.map((s) => s.rows.map((r) => r[idColumn]))).toEqual([['a-combined'], ['a-committee'], ['a-groups'], ['a-combined']]);
  });

  it('puts voided activities on their own sheet with the reason, time and who voided them', () => {
    const sheet = voidedSheet([VOIDED], names(), false);
    expect(sheet.columns.slice(-3).map((c) => c.header)).toEqual(['作废原因', '作废时间', '作废人']);
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0].slice(-3)).toEqual(['重复录入', '2021-02-10 14:30', '李书记']);
    expect(sheet.rows[0]).toContain('重复录入的主题党日');
  });

  it('shows instants in China time', () => {
    expect(chinaTime('2021-12-31T16:05:00.000Z')).toBe('2022-01-01 00:05');
    expect(chinaTime('not a time')).toBe('not a time');
  });
});
