/**
 * Reading a secretary's .docx draft as plain text and filling it in place: edits are expressed on
 * that text and land in the runs that hold it, so fonts, bold, tables and everything else survive.
 * Only word/document.xml is read or changed (headers, footers, notes stay as they are).
 */
import { applyTextEdits, documentXmlText } from './apply-text-edits';
import { openDocx, saveDocx, type DocxPackage } from './docx-package';
import type { TextEdit } from './text-edit';

export interface DocxText {
  /**
   * Body paragraphs (tables and text boxes included, in order) joined with '\n'. Inside a
   * paragraph a tab reads '\t', a manual line break '\v' and a page break '\f'.
   */
  text: string;
}

export async function readDocxText(buffer: Buffer): Promise<DocxText> {
  const { documentXml } = await openDocx(buffer);
  return { text: documentXmlText(documentXml) };
}

/** Applies edits whose offsets index readDocxText(buffer).text; see applyTextEdits for the rules. */
export async function applyDocxEdits(buffer: Buffer, edits: readonly TextEdit[]): Promise<Buffer> {
  return writeEdits(buffer, await openDocx(buffer), edits);
}

/** Reads the text, asks `fill` for edits on it, and applies them. */
export async function fillDocx(
  buffer: Buffer,
  fill: (text: string) => { edits: readonly TextEdit[] },
): Promise<Buffer> {
  const pkg = await openDocx(buffer);
  return writeEdits(buffer, pkg, fill(documentXmlText(pkg.documentXml)).edits);
}

async function writeEdits(buffer: Buffer, pkg: DocxPackage, edits: readonly TextEdit[]): Promise<Buffer> {
  const documentXml = applyTextEdits(pkg.documentXml, edits);
  // Nothing changed: hand back the same bytes rather than a re-zipped copy.
  if (documentXml === pkg.documentXml) return Buffer.from(buffer);
  return saveDocx(pkg, documentXml);
}
