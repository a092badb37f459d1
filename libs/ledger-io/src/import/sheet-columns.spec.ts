import { parseMapping } from './column-mapping';
import { locateColumns } from './sheet-columns';
import type { CellValue, SheetTable } from './sheet-table';

const sheetOf = (rows: CellValue[][]): SheetTable => ({ name: '台账', rows: rows.map((cells, i) => ({ number: i + 1, cells })) });
const keysOf = (sheet: SheetTable, mapping?: ReturnType<typeof parseMapping>) => {
  const located = locateColumns(sheet, mapping);
  return located && { headerRow: located.headerRow, dataStart: located.dataStart, columns: Object.fromEntries([...located.byKey].map(([k, c]) => [k, c.letter])) };
};

describe('locateColumns', () => {
  it('finds the header under a title row and notes columns it cannot read', () => {
    const sheet = sheetOf([['第一党支部2021年活动台账'], [], ['序号', '日期', '活动类型', '主题', '审核意见'], [1, '2021-03-05', '党课', '学习']]);
    expect(keysOf(sheet)).toEqual({ headerRow: 3, dataStart: 3, columns: { date: 'B', kinds: 'C', title: 'D' } });
    expect(locateColumns(sheet)?.notices.map((n) => n.message)).toEqual([expect.stringContaining('“审核意见”（E）无法识别')]);
  });

  it('reads a two-row header (a merged 参会情况 over 应到 / 实到 / 请假 / 缺席)', () => {
    const sheet = sheetOf([
      ['日期', '活动类型', '主题', '参会情况', null, null, null],
      [null, null, null, '应到', '实到', '请假', '缺席'],
      ['2021-03-05', '党课', '学习', 5, 4, 1, 0],
    ]);
    expect(keysOf(sheet)).toEqual({
      headerRow: 2,
      dataStart: 2,
      columns: { date: 'A', kinds: 'B', title: 'C', expected: 'D', present: 'E', leave: 'F', absent: 'G' },
    });
  });

  it('does not take the first data row for a second header row', () => {
    const sheet = sheetOf([['日期', '活动类型', '主题'], ['2021-03-05', '党课', '学习']]);
    expect(keysOf(sheet)?.dataStart).toBe(1);
  });

  it('reads only the first of two columns meaning the same, and says so', () => {
    const located = locateColumns(sheetOf([['日期', '主题', '内容', '活动类型']]));
    expect(located?.byKey.get('title')?.letter).toBe('B');
    expect(located?.notices[0].message).toContain('只读取前者');
  });

  it('has no header without a date column', () => {
    expect(locateColumns(sheetOf([['姓名', '职务'], ['张三', '书记']]))).toBeUndefined();
  });

  it('lets the mapping file name columns by header or letter, and leave some unread', () => {
    const sheet = sheetOf([['会议时间点', '类别名称', '讨论内容', '序号'], ['2021-03-05', '党课', '学习', 1]]);
    expect(keysOf(sheet)).toBeUndefined();
    const mapping = parseMapping(JSON.stringify({ columns: { 会议时间点: 'date', B: '活动类型', 讨论内容: 'title', 序号: null } }));
    expect(keysOf(sheet, mapping)).toEqual({ headerRow: 1, dataStart: 1, columns: { date: 'A', kinds: 'B', title: 'C' } });
  });

  it('overrides a guess with the mapping file and takes its header row', () => {
    const sheet = sheetOf([['说明：本表由组织委员填写'], ['日期', '时间', '活动类型'], ['2021-03-05', '14:30', '党课']]);
    const mapping = parseMapping(JSON.stringify({ headerRow: 2, columns: { 时间: null } }));
    expect(keysOf(sheet, mapping)).toEqual({ headerRow: 2, dataStart: 2, columns: { date: 'A', kinds: 'C' } });
  });
});

describe('parseMapping', () => {
  it.each([
    ['not json', '不是有效的 JSON'],
    ['[]', 'JSON 对象'],
    ['{"colums": {}}', '未知的项“colums”'],
    ['{"columns": {"日期": "when"}}', '无法识别'],
    ['{"headerRow": 0}', 'headerRow'],
    ['{"kinds": {"书记讲党课": 3}}', '应对应一个活动类型'],
  ])('refuses %s', (text, reason) => {
    expect(() => parseMapping(text)).toThrow(expect.objectContaining({ messageZh: expect.stringContaining(reason) }));
  });
});
