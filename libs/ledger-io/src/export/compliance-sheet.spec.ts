import type { ComplianceResult } from '../../../projections/src/compliance/compliance-result';
import { RULE_VERSION } from '../../../domain/src';
import { complianceSheet, periodText, statusText } from './compliance-sheet';
import { names } from './export.spec-helper';

describe('compliance sheet', () => {
  const result: ComplianceResult = {
    org: 'b1',
    year: 2021,
    ruleVersion: RULE_VERSION,
    rules: [
      { rule: 'branch-assembly-quarterly', kind: 'branch-assembly', qualifier: null, org: 'b1', period: '2021-Q1', should: 1, did: 2, ok: true, pending: false, activityIds: [] },
      { rule: 'group-meeting-monthly', kind: 'group-meeting', qualifier: null, org: 'g2', period: '2021-03', should: 1, did: 0, ok: false, pending: false, activityIds: [] },
      { rule: 'party-lecture-secretary-yearly', kind: 'party-lecture', qualifier: 'secretary', org: 'b1', period: '2021', should: 1, did: 0, ok: false, pending: true, activityIds: [] },
    ],
    coverage: [
      { rule: 'heart-talk-coverage', kind: 'heart-talk', qualifier: null, org: 'b1', period: '2021', min: 1, should: 3, did: 1, ok: false, pending: false, uncovered: ['m2', 'm3'], activityIds: [] },
    ],
  };
  const sheet = complianceSheet([result], names());

  it('states each rule, period, should and did, and the outcome in Chinese', () => {
    expect(sheet.name).toBe('执行情况');
    expect(sheet.columns.map((c) => c.header)).toEqual(['组织', '制度要求', '期间', '应开展', '已开展', '执行情况', '依据', '说明']);
    expect(sheet.rows[0]).toEqual(['第一党支部', '支部党员大会：每季度至少1次', '2021年第1季度', 1, 2, '达标', '支部工作条例 第十一条', null]);
    expect(sheet.rows[1].slice(0, 6)).toEqual(['第二党小组', '党小组会：每月至少1次（每个党小组）', '2021年3月', 1, 0, '未达标']);
    expect(sheet.rows[2].slice(1, 6)).toEqual(['党课（支部书记）：每年至少1次', '2021年', 1, 0, '进行中']);
  });

  it('adds coverage rows naming who was not covered', () => {
    expect(sheet.rows[3]).toEqual([
      '第一党支部',
      '谈心谈话：每名党员每年至少1次（应覆盖人数/已覆盖人数）',
      '2021年',
      3,
      1,
      '未达标',
      '支部工作条例 谈心谈话',
      '未覆盖：李四、王五',
    ]);
  });

  it('words periods and outcomes', () => {
    expect(periodText('2021-Q4')).toBe('2021年第4季度');
    expect(periodText('2021-11')).toBe('2021年11月');
    expect(statusText(true, true)).toBe('达标');
    expect(statusText(false, false)).toBe('未达标');
  });
});
