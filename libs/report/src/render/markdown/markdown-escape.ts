/**
 * Escaping for Markdown (CommonMark + GFM) that keeps Chinese prose readable: only ASCII characters
 * that can start inline markup get a backslash, and block markers only where a line begins with one.
 */

/** Characters that open emphasis, code, links, raw HTML or strikethrough anywhere in a line. */
const INLINE_SIGNIFICANT = /[\\`*_[\]<~]/g;
/** `&` only matters when it starts an entity (`&amp;`, `&#12;`), which would be decoded. */
const ENTITY_START = /&(?=#?[A-Za-z0-9]+;)/g;
/** A block holds one line: line breaks inside text become spaces (a bare newline reads as one anyway). */
const LINE_BREAKS = /[ \t]*\r?\n[ \t]*/g;

export function escapeInline(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(INLINE_SIGNIFICANT, '\\$&').replace(ENTITY_START, '\\&');
}

/** Inline escaping plus the pipe, which would split a GFM table cell. */
export function escapeTableCell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|');
}

/**
 * Breaks a block marker at the start of an (already inline-escaped) line: ATX heading, block quote,
 * bullet, ordered-list number, thematic break. Leading blanks go too (four would make a code block).
 */
export function escapeLineStart(line: string): string {
  const text = line.replace(/^[ \t]+/, '');
  if (/^#{1,6}(?=[ \t]|$)/.test(text)) return `\\${text}`;
  if (/^>/.test(text)) return `\\${text}`;
  if (/^[-+](?=[ \t]|$)/.test(text)) return `\\${text}`;
  if (/^(?:-[ \t]*){3,}$/.test(text)) return `\\${text}`;
  return text.replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2');
}

/** A heading's trailing ` ###` would be read as its optional closing sequence and dropped. */
export function escapeHeadingEnd(text: string): string {
  return text.replace(/(^|[ \t])(#+)([ \t]*)$/, '$1\\$2$3');
}
