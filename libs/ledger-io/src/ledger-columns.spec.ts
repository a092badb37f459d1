import { formatQuantity, LEDGER_COLUMNS, matchLedgerColumn, normalizeHeader, parseQuantity, splitListCell } from './ledger-columns';

describe('ledger columns', () => {
  it('has the canonical headers the issue names, each matching its own column', () => {
    const headers = LEDGER_COLUMNS.map((c) => c.header);
    for (const h of ['日期', '活动类型', '主题', '地点', '主持人', '参会人员', '应到', '实到', '请假', '缺席', '学时', '备注', '组织', '活动编号']) {
      expect(headers).toContain(h);
    }
    for (const column of LEDGER_COLUMNS) expect(matchLedgerColumn(column.header)).toBe(column.key);
  });

  it('never lists one synonym under two columns', () => {
    const all = LEDGER_COLUMNS.flatMap((c) => c.synonyms.map((s) => normalizeHeader(s).toLowerCase()));
    expect(new Set(all).size).toBe(all.length);
  });

  it('matches synonyms, spacing, units in brackets and a trailing colon', () => {
    expect(matchLedgerColumn('活动日期')).toBe('date');
    expect(matchLedgerColumn(' 会议 时间 ')).toBe('date');
    expect(matchLedgerColumn('学时（小时）')).toBe('hours');
    expect(matchLedgerColumn('应到(人)')).toBe('expected');
    expect(matchLedgerColumn('实到人数：')).toBe('present');
    expect(matchLedgerColumn('出席人员')).toBe('attendees');
    expect(matchLedgerColumn('id')).toBe('id');
    expect(matchLedgerColumn('签名')).toBeUndefined();
  });

  it('splits list cells on 、 and the separators people also use', () => {
    expect(splitListCell('张三、李四，王五; 赵六  ')).toEqual(['张三', '李四', '王五', '赵六']);
    expect(splitListCell('支部党员大会、党课')).toEqual(['支部党员大会', '党课']);
    expect(splitListCell('  ')).toEqual([]);
  });

  it('writes and reads produced quantities', () => {
    expect(formatQuantity({ amount: 3, unit: '篇', item: '调研报告' })).toBe('调研报告3篇');
    expect(parseQuantity('调研报告3篇')).toEqual({ item: '调研报告', amount: 3, unit: '篇' });
    expect(parseQuantity('学习书籍 120.5 册')).toEqual({ item: '学习书籍', amount: 120.5, unit: '册' });
    expect(parseQuantity('2份')).toEqual({ item: null, amount: 2, unit: '份' });
    expect(parseQuantity('若干')).toBeUndefined();
  });
});
