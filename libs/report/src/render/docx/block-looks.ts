import { AlignmentType, LineRuleType } from 'docx';
import type { ILevelParagraphStylePropertiesOptions } from 'docx';
import type { Block } from '../../document/report-document';
import {
  INDENT_TWO_CHARS,
  INDENT_TWO_CHARS_HUNDREDTHS,
  LINE_PITCH,
  SIZE_2HAO,
  SIZE_3HAO,
  SIZE_4HAO,
} from './gongwen-measures';
import type { RunLook } from './run-formatting';

/** How one kind of block looks: its paragraph style and the look of its runs. */
export interface BlockLook {
  /** Built-in ids (Title, Heading1, Heading2, Subtitle) so Word's navigation pane and 样式 work. */
  styleId: string;
  /** Shown in Word's style list for our own styles. */
  styleName: string;
  paragraph: ILevelParagraphStylePropertiesOptions;
  run: RunLook;
}

export type TextBlockType = Exclude<Block['type'], 'table'>;
export type LookKey = TextBlockType | 'heading2' | 'tableHeader' | 'tableCell';

/** Exact spacing keeps every line on the 22-line grid, whatever the font's own metrics. */
const EXACT_LINE = { before: 0, after: 0, line: LINE_PITCH, lineRule: LineRuleType.EXACT } as const;
const TWO_CHAR_INDENT = { firstLine: INDENT_TWO_CHARS, firstLineChars: INDENT_TWO_CHARS_HUNDREDTHS } as const;
const NO_INDENT = { firstLine: 0, firstLineChars: 0 } as const;
/** Table text is smaller than the grid; single spacing keeps rows from growing to 29 pt per line. */
const TABLE_LINE = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } as const;

export const BLOCK_LOOKS: Readonly<Record<LookKey, BlockLook>> = {
  title: {
    styleId: 'Title',
    styleName: 'Title',
    paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: EXACT_LINE, keepNext: true },
    run: { font: 'title', size: SIZE_2HAO },
  },
  subtitle: {
    styleId: 'Subtitle',
    styleName: 'Subtitle',
    paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: EXACT_LINE, keepNext: true },
    run: { font: 'heading2', size: SIZE_3HAO },
  },
  heading: {
    styleId: 'Heading1',
    styleName: 'heading 1',
    paragraph: { alignment: AlignmentType.JUSTIFIED, indent: TWO_CHAR_INDENT, spacing: EXACT_LINE, keepNext: true, outlineLevel: 0 },
    run: { font: 'heading1', size: SIZE_3HAO },
  },
  heading2: {
    styleId: 'Heading2',
    styleName: 'heading 2',
    paragraph: { alignment: AlignmentType.JUSTIFIED, indent: TWO_CHAR_INDENT, spacing: EXACT_LINE, keepNext: true, outlineLevel: 1 },
    run: { font: 'heading2', size: SIZE_3HAO },
  },
  paragraph: {
    styleId: 'ReportBody',
    styleName: '公文正文',
    paragraph: { alignment: AlignmentType.JUSTIFIED, indent: TWO_CHAR_INDENT, spacing: EXACT_LINE },
    run: { font: 'body', size: SIZE_3HAO },
  },
  signature: {
    styleId: 'ReportSignature',
    styleName: '公文落款',
    paragraph: { alignment: AlignmentType.RIGHT, indent: NO_INDENT, spacing: EXACT_LINE },
    run: { font: 'body', size: SIZE_3HAO },
  },
  tableHeader: {
    styleId: 'ReportTableHeader',
    styleName: '公文表头',
    paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: TABLE_LINE, keepNext: true },
    run: { font: 'body', size: SIZE_4HAO, bold: true },
  },
  tableCell: {
    styleId: 'ReportTableText',
    styleName: '公文表格',
    paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: TABLE_LINE },
    run: { font: 'body', size: SIZE_4HAO },
  },
};

export function lookOf(block: Exclude<Block, { type: 'table' }>): BlockLook {
  if (block.type === 'heading' && block.level === 2) return BLOCK_LOOKS.heading2;
  return BLOCK_LOOKS[block.type];
}
