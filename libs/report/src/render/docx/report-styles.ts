import type { IParagraphStyleOptions, IStylesOptions } from 'docx';
import { BLOCK_LOOKS, type BlockLook } from './block-looks';
import type { DocxFonts } from './docx-fonts';
import { runFormatting } from './run-formatting';

/**
 * The styles part: document defaults in 3号 仿宋 (what a secretary types into stays on format), and one
 * paragraph style per block look. Built-in ids (Title, Heading1…) replace the library's own defaults,
 * so headings keep their outline level and show in Word's navigation pane.
 */
export function reportStyles(fonts: DocxFonts): IStylesOptions {
  return {
    default: {
      document: {
        run: runFormatting(BLOCK_LOOKS.paragraph.run, fonts),
        paragraph: { spacing: { before: 0, after: 0 } },
      },
    },
    paragraphStyles: Object.values(BLOCK_LOOKS).map((look) => paragraphStyle(look, fonts)),
  };
}

function paragraphStyle(look: BlockLook, fonts: DocxFonts): IParagraphStyleOptions {
  return {
    id: look.styleId,
    name: look.styleName,
    basedOn: 'Normal',
    next: BLOCK_LOOKS.paragraph.styleId,
    quickFormat: true,
    paragraph: look.paragraph,
    run: runFormatting(look.run, fonts),
  };
}
