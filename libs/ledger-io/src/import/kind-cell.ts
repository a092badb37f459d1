import { ACTIVITY_KINDS, ActivityKindInfo, findActivityKind, findQualifier } from '../../../domain/src/catalog/activity-kinds';
import { toHalfWidth } from './half-width';

/** Between kinds of a combined sitting (套会): 支部党员大会、党课 / 党课+主题党日 / 党课；主题党日. */
const KIND_SEPARATORS = /[、,，;；/／+＋|｜\s]+/u;
/** 支部党员大会暨党课: tried only when a part is no kind as it stands, and kept only if every piece is one. */
const CONJUNCTIONS = /[暨和及与并]/u;
/** `党课（支部书记）`: a kind with its qualifier in brackets. */
const WITH_QUALIFIER = /^(.+?)\s*[（(]\s*(.+?)\s*[）)]$/u;

export interface KindIssue {
  message: string;
  messageEn: string;
}

export interface KindCell {
  /** One catalog word (name, synonym or id) per kind, as the activity rules resolve them. */
  words: string[];
  /** Qualifier id given in brackets after a kind, or null. */
  qualifier: string | null;
  issues: KindIssue[];
}

/**
 * Words the user's sheets use for kinds that the catalog does not know (`书记讲党课` → `党课（支部书记）`),
 * from the mapping file. Values are read like a cell part: a kind, optionally with its qualifier.
 */
export type KindAliases = ReadonlyMap<string, string>;

interface PartMatch {
  words: string[];
  qualifier: string | null;
}

function stripQuotes(word: string): string {
  return word.replace(/["“”'‘’「」『』]/gu, '');
}

/** A part as the catalog may know it: itself, without quotes, without a trailing 活动. */
function catalogWord(part: string): string | undefined {
  for (const candidate of [part, stripQuotes(part), part.replace(/活动$/u, ''), stripQuotes(part).replace(/活动$/u, '')]) {
    if (candidate !== '' && findActivityKind(candidate) !== undefined) return candidate;
  }
  return undefined;
}

function matchPart(part: string, aliases: KindAliases | undefined, issues: KindIssue[]): PartMatch | undefined {
  const alias = aliases?.get(part);
  if (alias !== undefined) return matchPart(alias.trim(), undefined, issues);

  const word = catalogWord(part);
  if (word !== undefined) return { words: [word], qualifier: null };

  const bracketed = WITH_QUALIFIER.exec(part);
  if (bracketed) {
    const kindWord = catalogWord(bracketed[1]);
    const kind = kindWord === undefined ? undefined : findActivityKind(kindWord);
    if (kind !== undefined && kindWord !== undefined) {
      const qualifier = findQualifier(kind, bracketed[2]);
      if (qualifier !== undefined) return { words: [kindWord], qualifier: qualifier.id };
      issues.push(qualifierIssue(kind, bracketed[2]));
      return { words: [kindWord], qualifier: null };
    }
  }

  const pieces = part.split(CONJUNCTIONS).map((p) => p.trim());
  if (pieces.length > 1 && pieces.every((p) => p !== '' && catalogWord(p) !== undefined)) {
    return { words: pieces.map((p) => catalogWord(p) as string), qualifier: null };
  }
  return undefined;
}

function qualifierIssue(kind: ActivityKindInfo, word: string): KindIssue {
  const choices = kind.qualifiers?.map((q) => q.name).join('、');
  return choices
    ? {
        message: `“${word}”不是${kind.name}的${kind.qualifierLabel ?? '类别'}（可选：${choices}）`,
        messageEn: `${word} is not a qualifier of ${kind.id}`,
      }
    : { message: `${kind.name}不区分类别，括号中的“${word}”无法登记`, messageEn: `${kind.id} takes no qualifier (${word})` };
}

/** The one kind whose catalog words occur inside an unknown word, to suggest it (never to guess it). */
function suggestionFor(part: string): ActivityKindInfo | undefined {
  let best: { kind: ActivityKindInfo; length: number } | undefined;
  let tie = false;
  for (const kind of ACTIVITY_KINDS) {
    for (const word of [kind.name, ...kind.synonyms]) {
      if (word.length < 2 || !part.includes(word)) continue;
      if (best === undefined || word.length > best.length) {
        best = { kind, length: word.length };
        tie = false;
      } else if (word.length === best.length && best.kind.id !== kind.id) {
        tie = true;
      }
    }
  }
  return tie ? undefined : best?.kind;
}

/**
 * Reads a 活动类型 cell: one kind, or several (a combined sitting), each by Chinese name, synonym
 * or id, straight from the catalog data; `党课（支部书记）` also gives the qualifier. An unknown word
 * is an issue with a suggestion when one kind's name occurs in it — a guess is never taken.
 */
export function parseKindCell(text: string, aliases?: KindAliases): KindCell {
  const issues: KindIssue[] = [];
  const words: string[] = [];
  let qualifier: string | null = null;
  const whole = toHalfWidth(text).trim();
  // The alias or catalog word may itself contain a separator (a mapping key with spaces).
  const direct = aliases?.has(whole) ? matchPart(whole, aliases, issues) : undefined;
  const parts = direct ? [] : splitOutsideBrackets(whole);
  const matches: PartMatch[] = direct ? [direct] : [];
  for (const part of parts) {
    const match = matchPart(part, aliases, issues);
    if (match !== undefined) {
      matches.push(match);
      continue;
    }
    const suggested = suggestionFor(part);
    issues.push({
      message: suggested
        ? `未知的活动类型：${part}（是否为“${suggested.name}”？可改为目录中的名称，或在映射文件的 kinds 中指定）`
        : `未知的活动类型：${part}`,
      messageEn: `unknown activity kind: ${part}`,
    });
  }
  for (const match of matches) {
    words.push(...match.words);
    if (match.qualifier === null) continue;
    if (qualifier !== null && qualifier !== match.qualifier) {
      issues.push({ message: `一条活动只能有一个细分类型：${text}`, messageEn: `more than one qualifier: ${text}` });
      continue;
    }
    qualifier = match.qualifier;
  }
  if (words.length === 0 && issues.length === 0) {
    issues.push({ message: '请填写活动类型', messageEn: 'the kind is empty' });
  }
  return { words, qualifier, issues };
}

/** Splits on the separators, but not inside brackets: `党课（党校教师/专家）` is one part. */
function splitOutsideBrackets(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '（' || c === '(') depth += 1;
    if ((c === '）' || c === ')') && depth > 0) depth -= 1;
    if (depth === 0 && KIND_SEPARATORS.test(c)) {
      if (current !== '') parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (current !== '') parts.push(current);
  return parts;
}

/** Kind ids of catalog words, sorted: the same set of kinds however it was written. */
export function kindIdsOf(words: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const word of words) {
    const kind = findActivityKind(word);
    if (kind) ids.add(kind.id);
  }
  return [...ids].sort();
}
