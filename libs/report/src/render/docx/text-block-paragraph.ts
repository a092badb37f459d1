import { Paragraph } from 'docx';
import type { Block } from '../../document/report-document';
import { lookOf } from './block-looks';
import { LINE_PITCH } from './gongwen-measures';
import { inlineRuns, type RunContext } from './inline-runs';

export type TextBlock = Exclude<Block, { type: 'table' }>;

/** Extra space around a block, in whole grid lines (空一行), so the page stays on its 22-line grid. */
export interface BlankLines {
  before: boolean;
  after: boolean;
}

/**
 * A text block as one paragraph: the block's style plus the same formatting written directly, so the
 * layout holds even where a reader resolves styles differently (WPS, older Word).
 */
export function textBlockParagraph(block: TextBlock, context: RunContext, blank: BlankLines = { before: false, after: false }): Paragraph {
  const look = lookOf(block);
  const spacing = {
    ...look.paragraph.spacing,
    before: blank.before ? LINE_PITCH : 0,
    after: blank.after ? LINE_PITCH : 0,
  };
  return new Paragraph({
    ...look.paragraph,
    style: look.styleId,
    spacing,
    children: inlineRuns(block.inlines, look.run, context),
  });
}
