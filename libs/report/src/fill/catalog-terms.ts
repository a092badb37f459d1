/**
 * Finds the catalog's words for activity kinds and qualifiers in draft text. Everything here is
 * driven by the catalog data (names and synonyms); there is no per-kind code.
 */
import { ACTIVITY_KINDS, type ActivityKindInfo } from '../../../domain/src';

/** One place in the text naming one or more ids (overlapping terms of different ids merge into one hit). */
export interface TermHit {
  start: number;
  end: number;
  /** Distinct kind or qualifier ids named here; more than one means the words overlap and conflict. */
  ids: string[];
}

interface Term {
  text: string;
  id: string;
}

// Drafts are hard-wrapped and quote freely (开展“主题\n党日”活动): words are compared without them.
const IGNORED = /[\s\u3000“”‘’"'「」『』]/g;

/** The text with line breaks, spaces and quotation marks removed, as terms are compared. */
export function normaliseDraftText(text: string): string {
  return text.replace(IGNORED, '');
}

const termsOf = (id: string, words: readonly string[]): Term[] =>
  words.map((w) => ({ text: normaliseDraftText(w), id })).filter((t) => t.text.length > 0);

const KIND_TERMS: readonly Term[] = ACTIVITY_KINDS.flatMap((k) => termsOf(k.id, [k.name, ...k.synonyms]));

const QUALIFIER_TERMS = new Map<string, readonly Term[]>(
  ACTIVITY_KINDS.map((k) => [k.id, (k.qualifiers ?? []).flatMap((q) => termsOf(q.id, [q.name, ...q.synonyms]))]),
);

/** Kind words in normalised text, in text order. */
export function findKindHits(text: string): TermHit[] {
  return findHits(text, KIND_TERMS);
}

/** Qualifier words of one kind in normalised text, in text order (none for kinds without qualifiers). */
export function findQualifierHits(kind: ActivityKindInfo, text: string): TermHit[] {
  return findHits(text, QUALIFIER_TERMS.get(kind.id) ?? []);
}

interface Occurrence {
  start: number;
  end: number;
  id: string;
}

// A term inside a longer term is not evidence of its own (党课 inside 廉政党课, 理论学习 inside
// 理论学习中心组学习); terms that only partly overlap stay, and their hit carries both ids.
function findHits(text: string, terms: readonly Term[]): TermHit[] {
  const all: Occurrence[] = [];
  for (const term of terms) {
    for (let at = text.indexOf(term.text); at !== -1; at = text.indexOf(term.text, at + 1)) {
      all.push({ start: at, end: at + term.text.length, id: term.id });
    }
  }
  const kept = all.filter(
    (o) => !all.some((q) => q.start <= o.start && o.end <= q.end && q.end - q.start > o.end - o.start),
  );
  kept.sort((a, b) => a.start - b.start || a.end - b.end);

  const hits: TermHit[] = [];
  for (const o of kept) {
    const last = hits[hits.length - 1];
    if (last && o.start < last.end) {
      last.end = Math.max(last.end, o.end);
      if (!last.ids.includes(o.id)) last.ids.push(o.id);
    } else {
      hits.push({ start: o.start, end: o.end, ids: [o.id] });
    }
  }
  return hits;
}
