import { isCountCell, parseNumberCell } from './number-cell';

describe('parseNumberCell', () => {
  it.each([
    [12, 12],
    ['12', 12],
    ['12人', 12],
    ['12 名', 12],
    ['１２', 12],
    ['2小时', 2],
    ['1.5学时', 1.5],
    ['2h', 2],
    ['', null],
    [null, null],
  ])('reads %p as %p', (cell, value) => {
    expect(parseNumberCell(cell)).toEqual({ ok: true, value });
  });

  it.each(['很多', '12个人左右', '1,2', 'NaN'])('refuses %p', (cell) => {
    expect(parseNumberCell(cell)).toEqual({ ok: false, shown: cell });
  });

  it('tells a count cell from a names cell', () => {
    expect([isCountCell(5), isCountCell('5人'), isCountCell('张三、李四'), isCountCell(null), isCountCell('')]).toEqual([true, true, false, false, false]);
  });
});
