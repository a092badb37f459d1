/** Filling a .docx draft in place: text out, text edits back into the runs. */
export { readDocxText, applyDocxEdits, fillDocx, type DocxText } from './docx-text';
export type { TextEdit } from './text-edit';
export { applyTextEdits, documentXmlText } from './apply-text-edits';
