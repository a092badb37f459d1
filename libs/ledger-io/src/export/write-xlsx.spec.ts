import ExcelJS from 'exceljs';
import { readWorkbook, sheetOf } from './read-workbook.spec-helper';
import { civilDateCell, type SheetSpec } from './sheet-spec';
import { CHINESE_DATE_FORMAT, columnWidth, displayWidth, writeXlsx } from './write-xlsx';

const sheets: SheetSpec[] = [
  {
    name: '活动台账',
    columns: [
      { header: '日期', type: 'date' },
      { header: '主题', type: 'text' },
      { header: '实到', type: 'number' },
    ],
    rows: [[civilDateCell('2021-03-05'), '学习党史', 12]],
  },
  { name: '已作废', columns: [{ header: '日期', type: 'date' }], rows: [] },
];

describe('writeXlsx', () => {
  it('writes sheets that read back with date cells, a frozen bold header and widths', async () => {
    const workbook = await readWorkbook(await writeXlsx(sheets));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['活动台账', '已作废']);
    const sheet = sheetOf(workbook, '活动台账');
    expect(sheet.getRow(1).values).toEqual([undefined, '日期', '主题', '实到']);
    const date = sheet.getCell('A2');
    expect(date.type).toBe(ExcelJS.ValueType.Date);
    expect(date.value).toEqual(new Date(Date.UTC(2021, 2, 5)));
    expect(date.numFmt).toBe(CHINESE_DATE_FORMAT);
    expect(sheet.getCell('C2').value).toBe(12);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getColumn(2).width).toBe(columnWidth('主题', ['学习党史'], false));
  });

  it('sizes columns by display width, within bounds', () => {
    expect(displayWidth('学习a')).toBe(5);
    expect(columnWidth('主题', ['学习党史'], false)).toBe(10);
    expect(columnWidth('日期', [], true)).toBe(14);
    expect(columnWidth('备注', ['长'.repeat(200)], false)).toBe(60);
    expect(columnWidth('a', [], false)).toBe(6);
  });
});
