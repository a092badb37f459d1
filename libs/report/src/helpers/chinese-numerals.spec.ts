import { chineseNumeral } from './chinese-numerals';

describe('chineseNumeral', () => {
  it.each([
    [0, '零'],
    [1, '一'],
    [2, '两'],
    [3, '三'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [22, '二十二'],
    [101, '一百零一'],
    [110, '一百一十'],
    [1005, '一千零五'],
    [2020, '二千零二十'],
    [10000, '一万'],
    [10010, '一万零一十'],
    [120000, '十二万'],
    [1234567, '一百二十三万四千五百六十七'],
  ])('%d → %s', (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });

  it('keeps fractions, negatives and huge numbers in digits', () => {
    expect(chineseNumeral(2.5)).toBe('2.5');
    expect(chineseNumeral(-3)).toBe('-3');
    expect(chineseNumeral(100_000_000)).toBe('100000000');
  });
});
