import { AlignmentType, Footer, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';
import type { DocxFonts } from './docx-fonts';
import { PAGE_NUMBER_INSET, PAGE_NUMBER_LINE, SIZE_4HAO } from './gongwen-measures';
import { runFormatting } from './run-formatting';

/** 一字线 either side of the number. */
const DASH = '\u2014';

export interface PageNumberFooters {
  /** Odd pages (Word's "default" footer once odd and even differ). */
  default: Footer;
  even: Footer;
}

/**
 * “— N —” in 4号 宋体: odd pages right-aligned, even pages left-aligned, each one character in from
 * the edge of the type area (GB/T 9704 §7.5). Needs `evenAndOddHeaderAndFooters` on the document.
 */
export function pageNumberFooters(fonts: DocxFonts): PageNumberFooters {
  return {
    default: pageNumberFooter(fonts, 'odd'),
    even: pageNumberFooter(fonts, 'even'),
  };
}

function pageNumberFooter(fonts: DocxFonts, side: 'odd' | 'even'): Footer {
  const formatting = runFormatting({ font: 'pageNumber', size: SIZE_4HAO, digitsInCjkFont: true }, fonts);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PAGE_NUMBER_INSET } : { left: PAGE_NUMBER_INSET },
        spacing: { before: 0, after: 0, line: PAGE_NUMBER_LINE, lineRule: LineRuleType.EXACT },
        children: [new TextRun({ ...formatting, children: [`${DASH} `, PageNumber.CURRENT, ` ${DASH}`] })],
      }),
    ],
  });
}
