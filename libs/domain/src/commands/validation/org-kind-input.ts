import { ORG_KINDS, ORG_KIND_INFO, OrgKind } from '../../catalog/org-kinds';
import { cleanText, TextInput } from './text';

const BY_WORD = new Map<string, OrgKind>();
for (const kind of ORG_KINDS) {
  BY_WORD.set(kind, kind);
  BY_WORD.set(ORG_KIND_INFO[kind].name, kind);
}
// Longer forms seen on letterheads.
BY_WORD.set('机关党委', 'committee');
BY_WORD.set('党总支部', 'general-branch');
BY_WORD.set('党总支部委员会', 'general-branch');
BY_WORD.set('党支部委员会', 'branch');

/** An organisation kind given by id or Chinese name; undefined when not recognised. */
export function resolveOrgKind(value: TextInput): OrgKind | undefined {
  const text = cleanText(value);
  return text === null ? undefined : BY_WORD.get(text);
}

export function orgKindChoices(): string {
  return ORG_KINDS.map((k) => `${k}（${ORG_KIND_INFO[k].name}）`).join('、');
}
