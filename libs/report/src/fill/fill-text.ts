/**
 * Fills a plain-text draft: every quantitative blank the matcher maps, and the ledger answers, is
 * replaced by the figure; everything else stays byte for byte as written.
 *
 * An approximate blank (“XX余次”) is filled with the exact figure and its 余/多 is dropped: the
 * ledger knows the number, so “12次” is true where “12余次” would not be.
 */
import { classifyBlank, type BlankClass } from './blank-classifier';
import { matchBlank, MATCH_REASONS, type BlankMatch } from './blank-matcher';
import { NO_DATA_REASON, type FillBlank, type FilledText } from './fill-result';
import type { MetricSource } from './metric-source';
import { scanPlaceholders, type Placeholder } from './placeholder-scanner';

/** How far back the matcher may read (it stops earlier, at the sentence start). */
const READ_BEFORE = 200;
const READ_AFTER = 40;
const CONTEXT_BEFORE = 12;
const CONTEXT_AFTER = 8;
// Only on the blank's own line: a fill never removes a line break (a paragraph, in a .docx).
const APPROXIMATE_MARK = /^[ \t\u3000]*[余多]/;
const LINE_BREAKS = /[\r\n]+/g;

export interface MatchedPlaceholder {
  placeholder: Placeholder;
  cls: BlankClass;
  /** Null for a placeholder that is not a quantitative blank. */
  match: BlankMatch | null;
}

/** Every placeholder of a draft with its class and, for quantitative ones, its metric decision. */
export function matchDraft(text: string): MatchedPlaceholder[] {
  return scanPlaceholders(text).map((p) => {
    const cls = classifyBlank(p);
    return { placeholder: p, cls, match: cls.quantitative ? matchBlank(readable(text, p), cls) : null };
  });
}

/** One replacement of the original text: `length` UTF-16 units at `offset` become `text`. */
export interface FillEdit {
  offset: number;
  length: number;
  text: string;
}

/** What filling would change (edits in offset order, never overlapping) and the report on every blank. */
export function planFill(text: string, source: MetricSource): { edits: FillEdit[]; blanks: FillBlank[] } {
  const edits: FillEdit[] = [];
  const blanks: FillBlank[] = [];
  for (const { placeholder: p, cls, match } of matchDraft(text)) {
    const blank = decide(p, cls, match, source);
    blanks.push(blank);
    if (blank.status !== 'filled' || blank.value === null) continue;
    const end = p.offset + p.placeholder.length;
    const mark = cls.approximate ? (APPROXIMATE_MARK.exec(text.slice(end))?.[0].length ?? 0) : 0;
    edits.push({ offset: p.offset, length: p.placeholder.length + mark, text: formatFigure(blank.value) });
  }
  return { edits, blanks };
}

export function fillText(text: string, source: MetricSource): FilledText {
  const { edits, blanks } = planFill(text, source);
  const pieces: string[] = [];
  let copied = 0;
  for (const edit of edits) {
    pieces.push(text.slice(copied, edit.offset), edit.text);
    copied = edit.offset + edit.length;
  }
  pieces.push(text.slice(copied));
  return { text: pieces.join(''), blanks };
}

function decide(p: Placeholder, cls: BlankClass, match: BlankMatch | null, source: MetricSource): FillBlank {
  const base = {
    index: p.index,
    offset: p.offset,
    placeholder: p.placeholder,
    context: contextOf(p),
    quantitative: cls.quantitative,
  };
  if (match === null) return { ...base, metric: null, value: null, status: 'not-quantitative', reason: MATCH_REASONS.notQuantitative };
  if (match.status !== 'mapped' || match.metric === null) {
    return { ...base, metric: null, value: null, status: match.status === 'ambiguous' ? 'ambiguous' : 'unmapped', reason: match.reason };
  }
  const { kind, qualifier, measure, unit } = match.metric;
  const metric = { kind, qualifier, measure, unit };
  const found = source.lookup(match.metric);
  if (found === undefined) return { ...base, metric, value: null, status: 'no-data', reason: NO_DATA_REASON };
  return { ...base, metric, value: found.value, status: 'filled', reason: null };
}

// The scanner keeps a short context; the matcher gets enough to reach back to the sentence start.
function readable(text: string, p: Placeholder): Placeholder {
  const end = p.offset + p.placeholder.length;
  return { ...p, before: text.slice(Math.max(0, p.offset - READ_BEFORE), p.offset), after: text.slice(end, end + READ_AFTER) };
}

function contextOf(p: Placeholder): string {
  const before = p.before.replace(LINE_BREAKS, '');
  const after = p.after.replace(LINE_BREAKS, '');
  return `${before.slice(-CONTEXT_BEFORE)}${p.placeholder}${after.slice(0, CONTEXT_AFTER)}`;
}

/** Integers as written; fractional hours to at most two decimals (no float noise like 0.30000000000000004). */
export function formatFigure(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}
