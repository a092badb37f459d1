import {
  FOOTER_DISTANCE,
  INDENT_TWO_CHARS,
  LINE_PITCH,
  MARGIN_BOTTOM,
  MARGIN_LEFT,
  MARGIN_RIGHT,
  MARGIN_TOP,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  TYPE_AREA_WIDTH,
  mmToTwips,
} from './gongwen-measures';

describe('GB/T 9704 measures', () => {
  it('converts millimetres to twips at 1440/25.4 and rounds', () => {
    expect(mmToTwips(25.4)).toBe(1440);
    expect(mmToTwips(37)).toBe(2098);
    expect(mmToTwips(28)).toBe(1587);
    expect(mmToTwips(26)).toBe(1474);
    expect(mmToTwips(35)).toBe(1984);
  });

  it('uses Word’s A4 size and the four 公文 margins', () => {
    expect([PAGE_WIDTH, PAGE_HEIGHT]).toEqual([11906, 16838]);
    expect([MARGIN_TOP, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_BOTTOM]).toEqual([2098, 1587, 1474, 1984]);
    expect(TYPE_AREA_WIDTH).toBe(11906 - 1587 - 1474);
  });

  it('fits exactly 22 lines of 579 twips in the type area', () => {
    const typeAreaHeight = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
    expect(Math.floor(typeAreaHeight / LINE_PITCH)).toBe(22);
  });

  it('indents two 3号 characters and keeps the page number below the type area', () => {
    expect(INDENT_TWO_CHARS).toBe(640);
    expect(FOOTER_DISTANCE).toBeGreaterThan(0);
    expect(FOOTER_DISTANCE).toBeLessThan(MARGIN_BOTTOM - mmToTwips(7));
  });
});
