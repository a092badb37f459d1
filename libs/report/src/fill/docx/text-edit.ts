/** A replacement of `length` UTF-16 units at `offset` of a document's text by `text`. */
import { isLegalXmlText } from './xml-entities';

export interface TextEdit {
  offset: number;
  length: number;
  text: string;
}

// Tabs and breaks are elements in a run, and '\n' would be a new paragraph: a fill never needs them.
const STRUCTURE_CHARACTER = /[\t\n\r\v\f]/;

/**
 * Checks `edits` against a text of `textLength` units and returns them in the order they apply:
 * by offset, an insertion (length 0) before a replacement at the same offset, ties in input order.
 */
export function orderedEdits(edits: readonly TextEdit[], textLength: number): TextEdit[] {
  for (const edit of edits) checkEdit(edit, textLength);
  const ordered = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  for (let i = 1; i < ordered.length; i++) {
    const previous = ordered[i - 1] as TextEdit;
    const current = ordered[i] as TextEdit;
    if (previous.offset + previous.length > current.offset) {
      throw new Error(`${describe(previous)} overlaps ${describe(current)}; edits must not overlap`);
    }
  }
  return ordered;
}

export function describe(edit: TextEdit): string {
  return `Edit at offset ${edit.offset} (length ${edit.length})`;
}

function checkEdit(edit: TextEdit, textLength: number): void {
  const { offset, length, text } = edit;
  if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0) {
    throw new Error(`${describe(edit)}: offset and length must be non-negative integers`);
  }
  if (offset + length > textLength) {
    throw new Error(`${describe(edit)} ends beyond the document text (${textLength} characters)`);
  }
  if (typeof text !== 'string') throw new Error(`${describe(edit)}: text must be a string`);
  if (STRUCTURE_CHARACTER.test(text)) {
    throw new Error(`${describe(edit)}: the replacement contains a tab or line break, which cannot be written as run text`);
  }
  if (!isLegalXmlText(text)) {
    throw new Error(`${describe(edit)}: the replacement contains a character not allowed in XML`);
  }
}
