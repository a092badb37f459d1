import { Document, DocumentGridType, Packer, PageOrientation, type FileChild } from 'docx';
import type { CompiledReport } from '../../compile/compiled-report';
import type { Block } from '../../document/report-document';
import { resolveDocxFonts, type DocxFonts } from './docx-fonts';
import {
  FOOTER_DISTANCE,
  LINE_PITCH,
  MARGIN_BOTTOM,
  MARGIN_LEFT,
  MARGIN_RIGHT,
  MARGIN_TOP,
  PAGE_HEIGHT,
  PAGE_WIDTH,
} from './gongwen-measures';
import { inlineText, type RunContext } from './inline-runs';
import { pageNumberFooters } from './page-number-footers';
import { reportStyles } from './report-styles';
import { reportTable } from './report-table';
import { textBlockParagraph } from './text-block-paragraph';

export interface RenderDocxOptions {
  /** Replace any of the GB/T 9704 typefaces, e.g. on machines without the 方正/GB2312 fonts. */
  fonts?: Partial<DocxFonts>;
}

export const DOCX_CREATOR = 'Taizhang 台账';

/** The compiled report as a Word document laid out to GB/T 9704-2012 (A4, 22 lines × 3号 仿宋). */
export async function renderDocx(report: CompiledReport, options: RenderDocxOptions = {}): Promise<Buffer> {
  const fonts = resolveDocxFonts(options.fonts);
  const context: RunContext = { figures: report.figures, fonts };
  const document = new Document({
    title: documentTitle(report),
    creator: DOCX_CREATOR,
    lastModifiedBy: DOCX_CREATOR,
    evenAndOddHeaderAndFooters: true,
    styles: reportStyles(fonts),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH, height: PAGE_HEIGHT, orientation: PageOrientation.PORTRAIT },
            margin: { top: MARGIN_TOP, left: MARGIN_LEFT, right: MARGIN_RIGHT, bottom: MARGIN_BOTTOM, footer: FOOTER_DISTANCE },
          },
          // Declares the 22-line page to Word's 页面设置; the exact line spacing does the real work.
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: pageNumberFooters(fonts),
        children: bodyChildren(report.document.blocks, context),
      },
    ],
  });
  return Packer.toBuffer(document);
}

/**
 * Blocks in order. A blank line (空一行) follows the title/subtitle group and precedes the signature
 * group, as in a printed 公文.
 */
function bodyChildren(blocks: readonly Block[], context: RunContext): FileChild[] {
  const isHead = (block: Block | undefined) => block?.type === 'title' || block?.type === 'subtitle';
  return blocks.map((block, i) => {
    if (block.type === 'table') return reportTable(block, context);
    const next = blocks[i + 1];
    const previous = blocks[i - 1];
    return textBlockParagraph(block, context, {
      before: block.type === 'signature' && previous !== undefined && previous.type !== 'signature',
      after: isHead(block) && next !== undefined && !isHead(next),
    });
  });
}

/** The title block's text for the document properties, or a plain description when there is none. */
function documentTitle(report: CompiledReport): string {
  const title = report.document.blocks.find((block) => block.type === 'title');
  if (title) return inlineText(title.inlines, report.figures);
  return `${report.org.name}${report.year}年度报告`;
}
