import iconv from 'iconv-lite';
import { civilDateCell, type SheetSpec } from './sheet-spec';
import { csvField, writeCsv } from './write-csv';

const sheet: SheetSpec = {
  name: '活动台账',
  columns: [
    { header: '日期', type: 'date' },
    { header: '主题', type: 'text' },
    { header: '实到', type: 'number' },
  ],
  rows: [
    [civilDateCell('2021-03-05'), '学习“两会”精神, 第一次', 12],
    [civilDateCell('2021-12-31'), '说"好"\n两行', null],
  ],
};

describe('writeCsv', () => {
  it('writes UTF-8 with a BOM, CRLF lines, dates as YYYY-MM-DD and quotes where needed', () => {
    const bytes = writeCsv(sheet);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('日期,主题,实到\r\n2021-03-05,"学习“两会”精神, 第一次",12\r\n2021-12-31,"说""好""\n两行",\r\n');
  });

  it('writes GB18030 that decodes back to the same text, without a BOM', () => {
    const bytes = writeCsv(sheet, 'gb18030');
    expect(bytes[0]).not.toBe(0xef);
    expect(iconv.decode(bytes, 'gb18030')).toBe(writeCsv(sheet).subarray(3).toString('utf8'));
    expect(bytes.toString('utf8')).not.toContain('日期');
  });

  it('quotes leading and trailing spaces and leaves plain cells alone', () => {
    expect(csvField(' 张三')).toBe('" 张三"');
    expect(csvField('张三')).toBe('张三');
    expect(csvField(2.5)).toBe('2.5');
    expect(csvField(null)).toBe('');
  });

  it('writes formula-like text behind an apostrophe, numbers and dates as they are', () => {
    expect(csvField('=HYPERLINK("http://example.com")')).toBe('"\'=HYPERLINK(""http://example.com"")"');
    expect(csvField('-植树主题党日')).toBe("'-植树主题党日");
    expect(csvField(-2)).toBe('-2');
    expect(csvField(civilDateCell('2021-03-05'))).toBe('2021-03-05');
  });
});
