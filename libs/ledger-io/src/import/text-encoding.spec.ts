import iconv from 'iconv-lite';
import { readCsv } from './read-csv';
import { decodeText } from './text-encoding';

const text = '日期,活动类型,参会人员\r\n2021年3月5日,"支部党员大会、党课","张三、李四"\r\n';

describe('decodeText', () => {
  it.each([
    ['utf-8', Buffer.from(text, 'utf8')],
    ['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['gb18030', iconv.encode(text, 'gbk')],
    ['gb18030', iconv.encode(text, 'gb18030')],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
  ])('decodes %s', (encoding, bytes) => {
    expect(decodeText(bytes)).toEqual({ text, encoding });
  });
});

describe('readCsv', () => {
  it('reads records with quoted separators and numbers them as Excel rows', () => {
    const file = readCsv(iconv.encode(text, 'gbk'), '台账');
    expect(file.encoding).toBe('gb18030');
    expect(file.sheets[0].rows).toEqual([
      { number: 1, cells: ['日期', '活动类型', '参会人员'] },
      { number: 2, cells: ['2021年3月5日', '支部党员大会、党课', '张三、李四'] },
    ]);
  });

  it('reads tab-separated text', () => {
    expect(readCsv(Buffer.from('日期\t活动类型\n2021-03-05\t党课\n'), 'x').sheets[0].rows[1].cells).toEqual(['2021-03-05', '党课']);
  });
});
