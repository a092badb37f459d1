import { ACTIVITY_KINDS, ActivityKindInfo, findActivityKind, findQualifier } from '../../catalog/activity-kinds';
import { ORG_KIND_INFO } from '../../catalog/org-kinds';
import type { IssueList } from '../../errors';
import type { OrgDoc } from '../../state';
import { orgLabel } from '../validation/membership';
import { cleanText, ListInput, splitList, TextInput } from '../validation/text';

const CATALOG_ORDER = new Map(ACTIVITY_KINDS.map((k, i) => [k.id, i]));

export interface ResolvedKinds {
  /** Distinct kinds in catalog order. */
  kinds: ActivityKindInfo[];
  /**
   * A qualifier named by the word used for a kind: `诫勉谈话` is both a synonym of admonition-talk
   * and its qualifier `admonition`, so the record should say which talk it was.
   */
  implied: string | null;
}

/** Resolves kind ids / Chinese names, refusing unknown, duplicate and kinds the org cannot hold. */
export function resolveKinds(issues: IssueList, value: ListInput, org: OrgDoc | undefined): ResolvedKinds {
  const words = splitList(value);
  if (words.length === 0) {
    issues.add('kinds', '请至少填写一种活动类型（如 支部党员大会、党课、主题党日）', 'at least one kind is required');
    return { kinds: [], implied: null };
  }
  const byId = new Map<string, { kind: ActivityKindInfo; word: string }>();
  let implied: string | null = null;
  for (const word of words) {
    const kind = findActivityKind(word);
    if (kind === undefined) {
      issues.add('kinds', `未知的活动类型：${word}`, `unknown activity kind: ${word}`);
      continue;
    }
    const earlier = byId.get(kind.id);
    if (earlier !== undefined) {
      const same = earlier.word === word ? `“${word}”重复填写` : `“${earlier.word}”和“${word}”都是“${kind.name}”`;
      issues.add('kinds', `活动类型重复：${same}`, `kind ${kind.id} given twice`);
      continue;
    }
    byId.set(kind.id, { kind, word });
    if (implied === null && word !== kind.id) implied = findQualifier(kind, word)?.id ?? null;
    if (org !== undefined && !kind.orgKinds.includes(org.kind)) {
      const allowed = kind.orgKinds.map((k) => ORG_KIND_INFO[k].name).join('、');
      issues.add(
        'kinds',
        `${ORG_KIND_INFO[org.kind].name}${orgLabel(org)}不能开展“${kind.name}”（适用于：${allowed}）`,
        `a ${org.kind} cannot hold ${kind.id}`,
      );
    }
  }
  const kinds = [...byId.values()].map((e) => e.kind);
  kinds.sort((a, b) => (CATALOG_ORDER.get(a.id) ?? 0) - (CATALOG_ORDER.get(b.id) ?? 0));
  return { kinds, implied };
}

/** Resolves the qualifier by id or Chinese name against the record's kinds (first kind in catalog order that knows it). */
export function resolveQualifier(issues: IssueList, value: TextInput, resolved: ResolvedKinds): string | null {
  const text = cleanText(value);
  if (text === null) return resolved.implied;
  if (resolved.kinds.length === 0) return null; // the kinds issue already explains the record
  for (const kind of resolved.kinds) {
    const q = findQualifier(kind, text);
    if (q !== undefined) return q.id;
  }
  const choices = resolved.kinds
    .filter((k) => k.qualifiers !== undefined)
    .map((k) => `${k.name}的${k.qualifierLabel ?? '类别'}：${(k.qualifiers ?? []).map((q) => q.name).join('、')}`);
  const hint = choices.length > 0 ? `（可选 ${choices.join('；')}）` : '（所选活动类型不区分类别）';
  issues.add('qualifier', `“${text}”不适用于所选活动类型${hint}`, `qualifier ${text} fits none of the kinds`);
  return null;
}
