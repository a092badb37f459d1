import { BorderStyle, Paragraph, Table, TableCell, TableRow, VerticalAlignTable, WidthType } from 'docx';
import type { Block, Inline } from '../../document/report-document';
import { BLOCK_LOOKS, type BlockLook } from './block-looks';
import { TYPE_AREA_WIDTH } from './gongwen-measures';
import { inlineRuns, type RunContext } from './inline-runs';

export type TableBlock = Extract<Block, { type: 'table' }>;

/** Thin black rules all round and between cells (0.5 pt). */
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE };

/**
 * A plain ruled table across the full type area. The header row repeats on each page; short rows are
 * padded with empty cells so every row has the grid's column count (Word repairs ragged tables).
 */
export function reportTable(block: TableBlock, context: RunContext): Table {
  const columns = Math.max(1, block.header.length, ...block.rows.map((row) => row.length));
  const widths = columnWidths(columns);
  const row = (cells: Inline[][], look: BlockLook, header: boolean): TableRow =>
    new TableRow({
      // Repeats on every page the table spans; body rows leave the property out altogether.
      ...(header ? { tableHeader: true } : {}),
      cantSplit: true,
      children: widths.map(
        (width, i) =>
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            children: [
              new Paragraph({ ...look.paragraph, style: look.styleId, children: inlineRuns(cells[i] ?? [], look.run, context) }),
            ],
          }),
      ),
    });
  const rows = [
    ...(block.header.length > 0 ? [row(block.header, BLOCK_LOOKS.tableHeader, true)] : []),
    ...block.rows.map((cells) => row(cells, BLOCK_LOOKS.tableCell, false)),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths,
    borders: BORDERS,
    rows,
  });
}

/** Equal columns filling the type area, the remainder going to the last so the sum is exact. */
function columnWidths(columns: number): number[] {
  const base = Math.floor(TYPE_AREA_WIDTH / columns);
  return Array.from({ length: columns }, (_, i) => (i === columns - 1 ? TYPE_AREA_WIDTH - base * (columns - 1) : base));
}
