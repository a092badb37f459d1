import type { CompiledReport } from '../../compile/compiled-report';
import type { Block, Inline } from '../../document/report-document';
import { figureAt, figureText } from '../figure-at';
import { escapeHeadingEnd, escapeInline, escapeLineStart, escapeTableCell } from './markdown-escape';

/**
 * The report as Markdown that reads as the report itself: no provenance appendix, figures shown as
 * their display text and blanks as their 【待补：…】 mark. Blocks are separated by one blank line.
 */
export function renderMarkdown(report: CompiledReport): string {
  const blocks = report.document.blocks.map((block) => renderBlock(report, block));
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

function renderBlock(report: CompiledReport, block: Block): string {
  switch (block.type) {
    case 'title':
      return heading('#', inlineText(report, block.inlines, escapeInline));
    case 'heading':
      return heading(block.level === 1 ? '##' : '###', inlineText(report, block.inlines, escapeInline));
    // Markdown has no centring or right alignment: subtitle and signature stay plain paragraphs.
    case 'subtitle':
    case 'paragraph':
    case 'signature':
      return escapeLineStart(inlineText(report, block.inlines, escapeInline));
    case 'table':
      return table(report, block.header, block.rows);
  }
}

function heading(marker: string, text: string): string {
  const body = escapeHeadingEnd(text.trim());
  return body === '' ? marker : `${marker} ${body}`;
}

function inlineText(report: CompiledReport, inlines: Inline[], escape: (text: string) => string): string {
  return inlines
    .map((inline) => escape(inline.type === 'text' ? inline.text : figureText(figureAt(report, inline.figure))))
    .join('');
}

/** A GFM pipe table; short rows are padded so every row has the same number of cells. */
function table(report: CompiledReport, header: Inline[][], rows: Inline[][][]): string {
  const columns = Math.max(1, header.length, ...rows.map((row) => row.length));
  const line = (cells: Inline[][]): string => {
    const texts = Array.from({ length: columns }, (_, i) => inlineText(report, cells[i] ?? [], escapeTableCell).trim());
    return `| ${texts.join(' | ')} |`;
  };
  const delimiter = `|${' --- |'.repeat(columns)}`;
  return [line(header), delimiter, ...rows.map(line)].join('\n');
}
