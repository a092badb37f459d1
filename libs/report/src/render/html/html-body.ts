import type { Block, Inline, ReportDocument } from '../../document/report-document';
import type { InlineRenderer } from './html-inline';

/** The report's blocks as HTML elements, one per line. */
export function renderBody(document: ReportDocument, inline: InlineRenderer): string {
  return document.blocks.map((block) => renderBlock(block, inline)).join('\n');
}

function renderBlock(block: Block, inline: InlineRenderer): string {
  switch (block.type) {
    case 'title':
      return `<h1 class="title">${inline.render(block.inlines)}</h1>`;
    case 'subtitle':
      return `<p class="subtitle">${inline.render(block.inlines)}</p>`;
    case 'heading':
      return block.level === 1 ? `<h2>${inline.render(block.inlines)}</h2>` : `<h3>${inline.render(block.inlines)}</h3>`;
    case 'paragraph':
      return `<p>${inline.render(block.inlines)}</p>`;
    case 'signature':
      return `<p class="signature">${inline.render(block.inlines)}</p>`;
    case 'table':
      return table(block.header, block.rows, inline);
  }
}

function table(header: Inline[][], rows: Inline[][][], inline: InlineRenderer): string {
  const lines = ['<table>'];
  if (header.length > 0) {
    lines.push(`<thead><tr>${header.map((cell) => `<th>${inline.render(cell)}</th>`).join('')}</tr></thead>`);
  }
  lines.push('<tbody>');
  for (const row of rows) lines.push(`<tr>${row.map((cell) => `<td>${inline.render(cell)}</td>`).join('')}</tr>`);
  lines.push('</tbody>', '</table>');
  return lines.join('\n');
}
