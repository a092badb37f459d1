/**
 * The words a blank is read from: the text before it, cut at the end of the previous sentence
 * and at the previous quantitative blank, normalised and split into comma-separated parts.
 */
import { classifyBlank, type BlankClass } from './blank-classifier';
import { normaliseDraftText } from './catalog-terms';
import { scanPlaceholders, type Placeholder } from './placeholder-scanner';

export interface PreviousBlank {
  /** The previous quantitative blank, with all the text before it that the caller gave. */
  placeholder: Placeholder;
  cls: BlankClass;
}

export interface ClauseView {
  /** Comma-separated parts from the clause start (or the previous blank's unit) to the blank, normalised. */
  parts: string[];
  /** The previous quantitative blank of the same clause, if any. */
  previous: PreviousBlank | null;
}

// Sentence ends, a blank line, or a line that opens a new heading or list item. A single line
// break is a hard wrap inside a sentence and is not a stop.
const CLAUSE_STOP =
  /[。；！？;!?]|\n[ \t\u3000]*\n|\n(?=[ \t\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|#|[*\-+][ \t]))/g;
const PART_BREAK = /[，,：:]/;
const LEADING_SPACE = /^[\s\u3000]+/;
// “大会X次、支委会XX次”: a list mark right after the previous blank's unit separates two counted
// items, each with its own figure; it does not make this blank's kind one of a list.
const LEADING_JOINER = /^[\s\u3000]*(?:、|以及|和|及)/;

export function clauseView(before: string): ClauseView {
  const start = clauseStart(before);
  const clause = before.slice(start);
  const previous = lastQuantitative(clause);
  if (previous === null) return { parts: normaliseDraftText(clause).split(PART_BREAK), previous: null };

  const afterPrevious = clause.slice(previous.placeholder.offset + previous.placeholder.placeholder.length);
  const own = stripUnit(afterPrevious, previous.cls);
  const widened: Placeholder = {
    ...previous.placeholder,
    offset: start + previous.placeholder.offset,
    before: before.slice(0, start + previous.placeholder.offset),
  };
  return { parts: normaliseDraftText(own).split(PART_BREAK), previous: { placeholder: widened, cls: previous.cls } };
}

function clauseStart(before: string): number {
  let start = 0;
  for (const m of before.matchAll(CLAUSE_STOP)) start = (m.index ?? 0) + m[0].length;
  return start;
}

function lastQuantitative(clause: string): PreviousBlank | null {
  const found = scanPlaceholders(clause);
  for (let i = found.length - 1; i >= 0; i--) {
    const cls = classifyBlank(found[i]);
    if (cls.quantitative) return { placeholder: found[i], cls };
  }
  return null;
}

// “XX余次，专题研讨”: the previous blank's 余 and unit belong to it, not to this blank's words.
function stripUnit(text: string, cls: BlankClass): string {
  let rest = text.replace(LEADING_SPACE, '');
  if (cls.approximate && (rest.startsWith('余') || rest.startsWith('多'))) rest = rest.slice(1).replace(LEADING_SPACE, '');
  const unit = cls.unit ?? '';
  if (rest.startsWith(unit)) rest = rest.slice(unit.length);
  else if (unit === '%' && rest.startsWith('％')) rest = rest.slice(1);
  return rest.replace(LEADING_JOINER, '');
}
