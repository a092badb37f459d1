import type { IRunStylePropertiesOptions } from 'docx';
import type { DocxFonts } from './docx-fonts';

/** Which of the document's typefaces a run is set in. */
export type FontRole = Exclude<keyof DocxFonts, 'latin'>;

export interface RunLook {
  font: FontRole;
  /** Half-points. */
  size: number;
  bold?: boolean;
  /**
   * Digits in the CJK face too: GB/T 9704 asks for 半角宋体 page numbers, where body text keeps
   * Arabic digits and Latin letters in the Latin face.
   */
  digitsInCjkFont?: boolean;
}

/** Latin text is English; the rest is simplified Chinese (spell-check and line breaking follow this). */
export const REPORT_LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

/**
 * Run properties for a look, written on every run as well as in the styles: WPS and older Word builds
 * resolve CJK fonts from the run's own `w:rFonts` more reliably than through style inheritance.
 * `hint: eastAsia` makes shared punctuation (“” — …) take the CJK face, as Chinese typesetting expects.
 */
export function runFormatting(look: RunLook, fonts: DocxFonts): IRunStylePropertiesOptions {
  const cjk = fonts[look.font];
  const latin = look.digitsInCjkFont ? cjk : fonts.latin;
  return {
    font: { ascii: latin, hAnsi: latin, cs: latin, eastAsia: cjk, hint: 'eastAsia' },
    size: look.size,
    ...(look.bold ? { bold: true } : {}),
    language: REPORT_LANGUAGE,
  };
}
