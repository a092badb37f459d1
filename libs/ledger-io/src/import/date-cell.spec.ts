import { parseDateCell } from './date-cell';
import { excelSerialToDate } from './excel-serial';

const dateOf = (value: Parameters<typeof parseDateCell>[0], date1904 = false) => {
  const r = parseDateCell(value, date1904);
  return r.ok ? r.date : `error: ${r.message}`;
};

describe('parseDateCell', () => {
  it.each([
    ['2021-03-05', '2021-03-05'],
    ['2021-3-5', '2021-03-05'],
    ['2021/3/5', '2021-03-05'],
    ['2021/03/05', '2021-03-05'],
    ['2021年3月5日', '2021-03-05'],
    ['2021 年 3 月 5 日', '2021-03-05'],
    ['2021年3月5号', '2021-03-05'],
    ['2021.3.5', '2021-03-05'],
    ['２０２１年３月５日', '2021-03-05'],
    ['20210305', '2021-03-05'],
    ['2021-03-05 14:30', '2021-03-05'],
    ['2021年3月5日下午2点', '2021-03-05'],
    ['2021年3月5日（星期五）', '2021-03-05'],
    ['2021/3/5 周五 14:30-16:00', '2021-03-05'],
    ['2021-03-05T00:00:00.000Z', '2021-03-05'],
  ])('reads the text %s', (text, expected) => {
    expect(dateOf(text)).toBe(expected);
  });

  it('reads a date cell (exceljs gives the day at UTC midnight)', () => {
    expect(dateOf(new Date(Date.UTC(2021, 2, 5)))).toBe('2021-03-05');
    // Float noise from a serial just under midnight still means that day.
    expect(dateOf(new Date(Date.UTC(2021, 2, 5, 23, 59, 59, 900)))).toBe('2021-03-06');
    expect(dateOf(new Date(Date.UTC(2021, 2, 5, 14, 30)))).toBe('2021-03-05');
  });

  it('reads Excel serials, as the Chinese built-in date formats deliver them', () => {
    expect(dateOf(44260)).toBe('2021-03-05');
    expect(dateOf(44260.625)).toBe('2021-03-05');
    expect(dateOf(1)).toBe('1900-01-01');
    expect(dateOf(60)).toContain('不是日期'); // Excel's 29 February 1900, a day that never was
    expect(dateOf(61)).toBe('1900-03-01');
    expect(dateOf(42798, true)).toBe('2021-03-05'); // 1904 date system
    expect(dateOf(20210305)).toBe('2021-03-05');
  });

  it.each([
    ['2021-02-30', '日期不存在'],
    ['2021-13-07', '日期不存在'],
    ['21.3.5', '四位'],
    ['3月5日', '缺少年份'],
    ['2021年3月5日-6日', '无法识别的内容'],
    ['下周三', '无法识别的日期'],
    ['', '无法识别的日期'],
  ])('refuses %s with a reason in Chinese', (text, reason) => {
    expect(dateOf(text)).toContain(reason);
  });

  it('refuses numbers that are no serial and booleans', () => {
    expect(dateOf(-3)).toContain('不是日期');
    expect(dateOf(3_000_000)).toContain('不是日期');
    expect(dateOf(true)).toContain('不是日期');
    expect(dateOf(20211345)).toContain('日期不存在');
  });
});

describe('excelSerialToDate', () => {
  it('is undefined outside Excel’s range', () => {
    expect(excelSerialToDate(0)).toBeUndefined();
    expect(excelSerialToDate(Number.NaN)).toBeUndefined();
    expect(excelSerialToDate(2_958_465)).toBe('9999-12-31');
  });
});
