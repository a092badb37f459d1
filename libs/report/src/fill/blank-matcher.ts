/**
 * Decides which ledger metric a quantitative blank asks for, from the draft's words alone: the kind
 * words nearest before the blank (or the kind the measure word directly counts, “举办X期培训班”),
 * the qualifier words around them, and the unit. Kinds and qualifiers come from the catalog; the
 * rules here are about Chinese sentence shape only. It maps only when sure, because a wrong figure
 * in an official report is worse than a blank left for the secretary.
 */
import { activityKindById, type ActivityKindInfo } from '../../../domain/src';
import { measureOfUnit, type MetricKey, type ReportMeasure } from '../metrics/metric-key';
import type { BlankClass } from './blank-classifier';
import { findKindHits, findQualifierHits, normaliseDraftText, type TermHit } from './catalog-terms';
import { clauseView, type ClauseView } from './clause-view';
import {
  AUDIENCE_AFTER, AUDIENCE_BEFORE, ETC, JOINERS, KIND_TAIL, PERSON_NOUNS, PRESENT_VERBS, SAYS_NOTHING, SUBSET,
  TAKING_PART_VERBS, consistsOf, endsWithAny, startsWithAny,
} from './draft-words';
import type { Placeholder } from './placeholder-scanner';

export interface BlankMatch {
  metric: MetricKey | null;
  status: 'mapped' | 'unmapped' | 'ambiguous';
  /** Why nothing was mapped (Chinese, shown to the secretary); null when mapped. */
  reason: string | null;
}

export const MATCH_REASONS = {
  notQuantitative: '非数量空白',
  noKind: '无对应指标：前文未提及活动类型',
  rate: '无对应指标：台账不统计比例',
  amount: '无对应指标：台账不统计金额',
  otherObject: '无对应指标：空白所计不是活动本身',
  roster: '无对应指标：所计为人员名单数，不是活动参加人数',
  subset: '无对应指标：“其中”所指子集台账不单列',
  list: '指代不明：并列多项活动',
  etc: '指代不明：“等”表示列举未尽',
  unitOf: (unit: string) => `无对应指标：计量单位“${unit}”台账不统计`,
  overlap: (names: string) => `指代不明：活动类型重叠（${names}）`,
  beforeAfter: (names: string) => `指代不明：前后提及不同活动（${names}）`,
  qualifier: (label: string) => `指代不明：${label}不止一类`,
  qualifierElsewhere: (label: string) => `指代不明：${label}见于前文，不能确定`,
} as const;

/** What the words say about the blank's kind. `span` runs from the kind word to the blank. */
type Finding =
  | { type: 'kind'; kindId: string; evidence: string; span: string }
  | { type: 'ambiguous'; reason: string }
  | { type: 'unmapped'; reason: string };

const AFTER_BREAK = /[，,。；;！!？?：:、]/;
const TRAILING_LE = /了$/;
const MASK = '□';

export function matchBlank(p: Placeholder, cls: BlankClass): BlankMatch {
  if (!cls.quantitative || cls.unit === null) return unmapped(MATCH_REASONS.notQuantitative);
  const measure = measureOfUnit(cls.unit);
  if (measure === null) return unmapped(MATCH_REASONS.unitOf(cls.unit));
  if (measure === 'rate') return unmapped(MATCH_REASONS.rate);
  if (measure === 'amount') return unmapped(MATCH_REASONS.amount);

  const view = clauseView(p.before);
  const own = view.parts[view.parts.length - 1];
  const finding = read(view, p.after, cls, measure);

  if (finding === null) return unmapped(own.startsWith(SUBSET) ? MATCH_REASONS.subset : MATCH_REASONS.noKind);
  if (finding === 'inherit') return inherit(view, measure, cls.unit);
  if (finding.type !== 'kind') return finding.type === 'ambiguous' ? ambiguous(finding.reason) : unmapped(finding.reason);

  if (isRosterCount(measure, finding.span, view)) return unmapped(MATCH_REASONS.roster);
  if (own.startsWith(SUBSET) && parentKind(view) !== finding.kindId) return unmapped(MATCH_REASONS.subset);

  const kind = activityKindById(finding.kindId);
  if (kind === undefined) return unmapped(MATCH_REASONS.noKind);
  const qualifier = resolveQualifier(kind, finding.evidence);
  if (typeof qualifier !== 'string' && qualifier !== null) return ambiguous(qualifier.ambiguous);
  // “支部书记带头讲党课，全年讲党课X次” may be the secretary's or everyone's: a qualifier named only
  // earlier in the clause leaves the blank unsure rather than filled with the kind's total.
  if (qualifier === null && resolveQualifier(kind, view.parts.join('，')) !== null) {
    return ambiguous(MATCH_REASONS.qualifierElsewhere(kind.qualifierLabel ?? '类别'));
  }
  return mapped({ kind: kind.id, qualifier, measure, unit: cls.unit });
}

/** The kind from the words before the blank and right after its unit; 'inherit' = same as the previous blank. */
function read(view: ClauseView, after: string, cls: BlankClass, measure: ReportMeasure): Finding | 'inherit' | null {
  const parts = view.parts;
  const own = parts[parts.length - 1];
  const phrase = phraseAfter(after, cls);
  const before = readPart(own);
  const behind = readAfter(phrase, measure);
  if (before?.type === 'ambiguous') return before;
  if (behind?.type === 'ambiguous') return behind;

  const beforeKind = before?.type === 'kind' ? before : null;
  const behindKind = behind?.type === 'kind' ? behind : null;
  // Any kind named right after the blank that is not the one chosen may be what the blank counts.
  const chosen = beforeKind ?? behindKind;
  const otherAfter = findKindHits(phrase).flatMap((h) => h.ids).filter((id) => id !== chosen?.kindId);
  if (chosen && otherAfter.length > 0) {
    return { type: 'ambiguous', reason: MATCH_REASONS.beforeAfter(kindNames([chosen.kindId, ...otherAfter])) };
  }
  // Both sides name the same kind here (a different kind after the blank was refused just above).
  if (beforeKind && behindKind) return { ...beforeKind, evidence: own + behindKind.evidence };
  if (beforeKind) return beforeKind;
  // The people were named after the unit (“对X名干部进行诫勉谈话”): they are the ones taking part.
  if (behindKind) return { ...behindKind, evidence: own + behindKind.evidence, span: '' };
  if (before !== null) return before;

  // Words that name nothing (“累计”, “参加党员”), on both sides of the blank, refer back across
  // commas to the same clause; words after the blank that say something keep it unmapped.
  if (!consistsOf(own, SAYS_NOTHING) || !consistsOf(phrase, SAYS_NOTHING)) return null;
  for (let i = parts.length - 2; i >= 0; i--) {
    const found = readPart(parts[i]);
    if (found === null) {
      if (consistsOf(parts[i], SAYS_NOTHING)) continue;
      return null;
    }
    return found.type === 'kind' ? { ...found, span: [found.span, ...parts.slice(i + 1)].join('，') } : found;
  }
  return view.previous ? 'inherit' : null;
}

/** The nearest kind word of one comma-separated part, if it is what the part counts. */
function readPart(part: string): Finding | null {
  const hits = findKindHits(part);
  if (hits.length === 0) return null;
  const nearest = hits[hits.length - 1];
  if (nearest.ids.length > 1) return { type: 'ambiguous', reason: MATCH_REASONS.overlap(kindNames(nearest.ids)) };

  const tail = part.slice(nearest.end);
  if (tail.includes(ETC)) return { type: 'ambiguous', reason: MATCH_REASONS.etc };
  if (!consistsOf(tail, KIND_TAIL)) {
    const listed = tail.includes('、') || startsWithAny(tail, JOINERS) !== undefined;
    return listed
      ? { type: 'ambiguous', reason: MATCH_REASONS.list }
      : { type: 'unmapped', reason: MATCH_REASONS.otherObject };
  }
  if (isListItem(part, hits, nearest)) return { type: 'ambiguous', reason: MATCH_REASONS.list };
  return { type: 'kind', kindId: nearest.ids[0], evidence: part, span: part.slice(nearest.start) };
}

// “召开组织生活会和民主评议党员X次” counts two kinds; “集中学习、理论学习X次” is one kind twice.
function isListItem(part: string, hits: TermHit[], nearest: TermHit): boolean {
  const lead = part.slice(0, nearest.start);
  const joiner = joinerAtEnd(lead);
  if (joiner === undefined) return false;
  const itemEnd = lead.length - joiner.length;
  const previous = hits.find((h) => h.end === itemEnd || (h.end + 2 === itemEnd && part.slice(h.end, itemEnd) === '活动'));
  return previous === undefined || previous.ids.length !== 1 || previous.ids[0] !== nearest.ids[0];
}

// A joiner character inside a word (参与, 涉及) does not join list items.
function joinerAtEnd(text: string): string | undefined {
  const joiner = endsWithAny(text, JOINERS);
  if (joiner === undefined || endsWithAny(text, [...SAYS_NOTHING, ...TAKING_PART_VERBS]) !== undefined) return undefined;
  return joiner;
}

/** The words after the blank's unit, up to the next comma or list mark, normalised. */
function phraseAfter(after: string, cls: BlankClass): string {
  let rest = normaliseDraftText(after);
  if (cls.approximate && (rest.startsWith('余') || rest.startsWith('多'))) rest = rest.slice(1);
  const unit = cls.unit ?? '';
  if (rest.startsWith(unit)) rest = rest.slice(unit.length);
  else if (unit === '%' && rest.startsWith('％')) rest = rest.slice(1);
  return rest.split(AFTER_BREAK)[0];
}

/** The kind the unit directly counts (“X期政治轮训班”), or people “X名党员参加<kind>”. */
function readAfter(phrase: string, measure: ReportMeasure): Finding | null {
  const hits = findKindHits(phrase);
  if (hits.length === 0) return null;
  const first = hits[0];
  if (first.ids.length > 1) return { type: 'ambiguous', reason: MATCH_REASONS.overlap(kindNames(first.ids)) };
  const found: Finding = { type: 'kind', kindId: first.ids[0], evidence: phrase.slice(0, first.end), span: '' };
  if (first.start === 0) return found;

  if (measure !== 'participants' && measure !== 'attendance') return null;
  const filler = phrase.slice(0, first.start).replace(TRAILING_LE, '');
  const term = phrase.slice(first.start, first.end);
  const verb = endsWithAny(filler, TAKING_PART_VERBS) ?? (startsWithAny(term, TAKING_PART_VERBS) ? '' : undefined);
  if (verb === undefined) return null;
  // Only people named generically (党员, 干部, 全体…): “XX名入党积极分子参加培训班” counts a
  // subgroup, while the ledger's participants are everyone who took part.
  const people = filler.slice(0, filler.length - verb.length);
  return consistsOf(people, SAYS_NOTHING) ? found : null;
}

/**
 * “发展党员X名”, “表彰党员X名”: a number of people named by a person noun, with no word saying they
 * were present, counts people on a list (admitted, awarded), not the turnout the ledger keeps.
 */
function isRosterCount(measure: ReportMeasure, span: string, view: ClauseView): boolean {
  if (measure !== 'participants' && measure !== 'attendance') return false;
  if (endsWithAny(span, PERSON_NOUNS) === undefined) return false;
  const words = view.parts.join('');
  return !PRESENT_VERBS.some((v) => words.includes(v));
}

/** “累计XX学时” after “开展集中学习XX次”: the same activities, another measure. */
function inherit(view: ClauseView, measure: ReportMeasure, unit: string): BlankMatch {
  const previous = view.previous;
  if (previous === null) return unmapped(MATCH_REASONS.noKind);
  const earlier = matchBlank(previous.placeholder, previous.cls);
  if (earlier.status === 'ambiguous') return earlier;
  if (earlier.metric === null || earlier.metric.measure === measure) return unmapped(MATCH_REASONS.noKind);
  if (isRosterCount(measure, view.parts.join(''), view)) return unmapped(MATCH_REASONS.roster);
  return mapped({ kind: earlier.metric.kind, qualifier: earlier.metric.qualifier, measure, unit });
}

/** The kind a “其中” subset is taken from: the previous blank's, or the nearest kind earlier in the clause. */
function parentKind(view: ClauseView): string | null {
  if (view.previous) return matchBlank(view.previous.placeholder, view.previous.cls).metric?.kind ?? null;
  for (let i = view.parts.length - 2; i >= 0; i--) {
    const found = readPart(view.parts[i]);
    if (found?.type === 'kind') return found.kindId;
  }
  return null;
}

/**
 * The qualifier the words name for this kind: null when none (the kind's total), ambiguous when
 * several are named or one is a list item (“支部书记和班子成员讲党课”). Audience words do not count
 * (“为全体党员讲党课”), nor words inside another kind's name (党员 in 支部党员大会).
 */
function resolveQualifier(kind: ActivityKindInfo, text: string): string | null | { ambiguous: string } {
  if (!kind.qualifiers || kind.qualifiers.length === 0) return null;
  const masked = maskOtherKinds(normaliseDraftText(text), kind.id);
  const named = findQualifierHits(kind, masked).filter((h) => !isAudience(masked, h));
  if (named.length === 0) return null;
  const ids = [...new Set(named.flatMap((h) => h.ids))];
  // A list (“支部书记和班子成员”) or a word that only modifies another person noun (“党员干部”).
  const unclear = named.some(
    (h) =>
      joinerAtEnd(masked.slice(0, h.start)) !== undefined ||
      startsWithAny(masked.slice(h.end), [...JOINERS, ...PERSON_NOUNS]) !== undefined,
  );
  if (ids.length > 1 || unclear) return { ambiguous: MATCH_REASONS.qualifier(kind.qualifierLabel ?? '类别') };
  return ids[0];
}

function isAudience(text: string, hit: TermHit): boolean {
  return endsWithAny(text.slice(0, hit.start), AUDIENCE_BEFORE) !== undefined || startsWithAny(text.slice(hit.end), AUDIENCE_AFTER) !== undefined;
}

function maskOtherKinds(text: string, kindId: string): string {
  let masked = text;
  for (const hit of findKindHits(text)) {
    if (!hit.ids.includes(kindId)) masked = masked.slice(0, hit.start) + MASK.repeat(hit.end - hit.start) + masked.slice(hit.end);
  }
  return masked;
}

function kindNames(ids: readonly string[]): string {
  return ids.map((id) => activityKindById(id)?.name ?? id).join('、');
}

const mapped = (metric: MetricKey): BlankMatch => ({ metric, status: 'mapped', reason: null });
const unmapped = (reason: string): BlankMatch => ({ metric: null, status: 'unmapped', reason });
const ambiguous = (reason: string | null): BlankMatch => ({ metric: null, status: 'ambiguous', reason });
