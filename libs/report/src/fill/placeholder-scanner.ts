/**
 * Finds the blanks a secretary left in a draft (X, XX, Ｘ, *, ＊…), in document order.
 * Pure: text in, positions out. Whether a blank is a number to fill is decided by blank-classifier.
 */

/** One placeholder run. `offset` is a UTF-16 index into the scanned text (what String#slice uses). */
export interface Placeholder {
  /** Position among all placeholders of the text, from 0. */
  index: number;
  offset: number;
  /** The exact run as written, e.g. `XX`, `**`, `Ｘ`. */
  placeholder: string;
  /** Up to BEFORE_CONTEXT characters preceding the run, raw (may contain line breaks). */
  before: string;
  /** Up to AFTER_CONTEXT characters following the run, raw. */
  after: string;
}

export const BEFORE_CONTEXT = 30;
export const AFTER_CONTEXT = 12;

// Letter blanks (X x Ｘ ｘ) and star blanks (* ＊) form separate runs: `X*` is two placeholders.
const RUN = /[XxＸｘ]+|[*＊]+/g;
const ASCII_LETTER = /[A-Za-z]/;
// Addresses are Latin text even where an x stands alone (http://x.cn/, www.x-y.com).
const URL_OR_EMAIL = /(?:https?:\/\/|ftp:\/\/|www\.)[\x21-\x7e]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

export function scanPlaceholders(text: string): Placeholder[] {
  const latinSpans = spansOf(URL_OR_EMAIL, text);
  const found: Placeholder[] = [];
  for (const match of text.matchAll(RUN)) {
    const offset = match.index ?? 0;
    const run = match[0];
    const end = offset + run.length;
    if (isLetterRun(run) && (touchesAsciiLetter(text, offset, end) || inside(latinSpans, offset))) continue;
    if (!isLetterRun(run) && isMarkdownStructure(text, offset, end)) continue;
    found.push({
      index: found.length,
      offset,
      placeholder: run,
      before: text.slice(Math.max(0, offset - BEFORE_CONTEXT), offset),
      after: text.slice(end, end + AFTER_CONTEXT),
    });
  }
  return found;
}

function isLetterRun(run: string): boolean {
  return run[0] !== '*' && run[0] !== '＊';
}

// An x inside a Latin word (xlsx, Xi, box) is part of that word, not a blank.
function touchesAsciiLetter(text: string, start: number, end: number): boolean {
  return ASCII_LETTER.test(text.charAt(start - 1)) || ASCII_LETTER.test(text.charAt(end));
}

// Stars that only structure a Markdown draft: a list bullet (`* item`) or a thematic break (`***`).
function isMarkdownStructure(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndAt = text.indexOf('\n', end);
  const lineEnd = lineEndAt === -1 ? text.length : lineEndAt;
  const ascii = text.slice(start, end).replace(/＊/g, '') === text.slice(start, end);
  if (!ascii || text.slice(lineStart, start).trim() !== '') return false;
  const restOfLine = text.slice(end, lineEnd).replace(/\r$/, '');
  const isBullet = end - start === 1 && /^[ \t]/.test(restOfLine) && restOfLine.trim() !== '';
  const isBreak = end - start >= 3 && restOfLine.trim() === '';
  return isBullet || isBreak;
}

interface Span {
  start: number;
  end: number;
}

function spansOf(pattern: RegExp, text: string): Span[] {
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

function inside(spans: Span[], offset: number): boolean {
  return spans.some((s) => offset >= s.start && offset < s.end);
}
