import type { Block, Inline, ReportDocument } from './report-document';
import { splitMarkers } from './figure-marker';

/**
 * Reads a rendered template (a small line-based format, see templates/README.md) into blocks:
 * `# ` title, `#### ` subtitle, `## ` / `### ` headings, `-> ` signature, `|` table rows, and
 * paragraphs of consecutive lines joined without spaces (Chinese text wraps without them).
 */
export function parseReportText(text: string): ReportDocument {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let table: string[] = [];

  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', inlines: inlinesOf(paragraph.join('')) });
    paragraph = [];
  };
  const flushTable = () => {
    if (table.length > 0) blocks.push(tableOf(table));
    table = [];
  };

  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('|')) {
      flushParagraph();
      table.push(line);
      continue;
    }
    flushTable();
    if (line === '') {
      flushParagraph();
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      flushParagraph();
      const inlines = inlinesOf(heading[2]);
      const level = heading[1].length;
      if (level === 1) blocks.push({ type: 'title', inlines });
      else if (level === 4) blocks.push({ type: 'subtitle', inlines });
      else blocks.push({ type: 'heading', level: level === 2 ? 1 : 2, inlines });
      continue;
    }
    if (line.startsWith('->')) {
      flushParagraph();
      blocks.push({ type: 'signature', inlines: inlinesOf(line.slice(2).trim()) });
      continue;
    }
    paragraph.push(line);
  }
  flushParagraph();
  flushTable();
  return { blocks };
}

function inlinesOf(text: string): Inline[] {
  return splitMarkers(text).map((part): Inline => (typeof part === 'number' ? { type: 'figure', figure: part } : { type: 'text', text: part }));
}

function tableOf(lines: string[]): Block {
  const rows = lines.filter((line) => !/^\|[\s:|-]+\|?$/.test(line)).map(cellsOf);
  const [header = [], ...body] = rows;
  return { type: 'table', header, rows: body };
}

/** Cells of `| a | b |`; `\|` stands for a literal bar inside a cell. */
function cellsOf(line: string): Inline[][] {
  const inner = line.replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => inlinesOf(cell.trim().replace(/\\\|/g, '|')));
}
