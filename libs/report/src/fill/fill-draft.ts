import { extname } from 'node:path';
import { ValidationError } from '../../../domain/src';
import { applyDocxEdits, readDocxText } from './docx';
import type { FillBlank } from './fill-result';
import { fillText, planFill } from './fill-text';
import type { MetricSource } from './metric-source';

export const DRAFT_FORMATS = ['txt', 'md', 'docx'] as const;
export type DraftFormat = (typeof DRAFT_FORMATS)[number];

export interface FilledDraft {
  format: DraftFormat;
  /** The filled draft: UTF-8 text for txt/md, the same Word package for docx. */
  content: Buffer;
  /** Every placeholder in document order, with what was done about it. */
  blanks: FillBlank[];
  /** The draft was read as GB18030 (Windows Chinese); the filled text is written as UTF-8. */
  convertedFromGb18030: boolean;
}

/** The draft's format from its file name: .txt, .md or .docx; anything else is refused by name. */
export function draftFormatOf(path: string): DraftFormat {
  const ext = extname(path).toLowerCase().slice(1);
  if (ext === 'markdown') return 'md';
  if ((DRAFT_FORMATS as readonly string[]).includes(ext)) return ext as DraftFormat;
  throw ValidationError.of('draft', `草稿须为 .txt、.md 或 .docx 文件，收到“${path}”`, `draft must be a .txt, .md or .docx file, got ${path}`);
}

/**
 * Fills the quantitative blanks of a secretary's draft from the ledger's figures. Text drafts
 * change only where a blank is filled; a Word draft is edited in place, its formatting kept.
 */
export async function fillDraft(format: DraftFormat, content: Buffer, source: MetricSource): Promise<FilledDraft> {
  if (format === 'docx') {
    let text: string;
    try {
      text = (await readDocxText(content)).text;
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw ValidationError.of('draft', `无法读取 Word 草稿（文件可能已损坏或不是 .docx）：${why}`, `cannot read the Word draft: ${why}`);
    }
    const { edits, blanks } = planFill(text, source);
    return { format, content: await applyDocxEdits(content, edits), blanks, convertedFromGb18030: false };
  }
  const { text, bom, gb18030 } = decodeText(content);
  const filled = fillText(text, source);
  return { format, content: Buffer.from(bom + filled.text, 'utf8'), blanks: filled.blanks, convertedFromGb18030: gb18030 };
}

/** UTF-8 (with or without BOM), else GB18030 as Windows editors save Chinese text. */
function decodeText(content: Buffer): { text: string; bom: string; gb18030: boolean } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content);
    return text.startsWith('\uFEFF') ? { text: text.slice(1), bom: '\uFEFF', gb18030: false } : { text, bom: '', gb18030: false };
  } catch {
    try {
      // Written back as UTF-8 with a BOM so that Windows Notepad still reads it as Chinese.
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(content), bom: '\uFEFF', gb18030: true };
    } catch {
      throw ValidationError.of('draft', '草稿既不是 UTF-8 也不是 GB18030 编码的文本', 'draft is neither UTF-8 nor GB18030 text');
    }
  }
}
