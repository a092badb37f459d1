/**
 * Page and type measures of GB/T 9704-2012 (党政机关公文格式), in the units OOXML wants:
 * twips (1/20 pt) for lengths and half-points for font sizes.
 */

const TWIPS_PER_MM = 1440 / 25.4;

export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** A4 portrait, 210 × 297 mm. */
export const PAGE_WIDTH = mmToTwips(210);
export const PAGE_HEIGHT = mmToTwips(297);

/** 天头 37 mm, 订口 28 mm; right and bottom leave a 156 × 225 mm type area. */
export const MARGIN_TOP = mmToTwips(37);
export const MARGIN_LEFT = mmToTwips(28);
export const MARGIN_RIGHT = mmToTwips(26);
export const MARGIN_BOTTOM = mmToTwips(35);

export const TYPE_AREA_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

/** Chinese font sizes (字号) as half-points. */
export const SIZE_2HAO = 44;
export const SIZE_3HAO = 32;
export const SIZE_4HAO = 28;

/** 22 lines to a 225 mm type area: 28.95 pt exact line height. */
export const LINE_PITCH = 579;

/** First-line indent of two 3号 characters, for readers that ignore `firstLineChars`. */
export const INDENT_TWO_CHARS = 2 * SIZE_3HAO * 10;
export const INDENT_TWO_CHARS_HUNDREDTHS = 200;

/** One 4号 character: 单页码居右空一字，双页码居左空一字. */
export const PAGE_NUMBER_INSET = SIZE_4HAO * 10;

/** Exact height of the page-number line; a little over 14 pt so the dashes are not clipped. */
export const PAGE_NUMBER_LINE = 340;

/**
 * The page number's top sits 7 mm below the type area; Word measures the footer distance from the
 * page edge to the footer's bottom, so subtract the line it occupies.
 */
export const FOOTER_DISTANCE = mmToTwips(35 - 7) - PAGE_NUMBER_LINE;
