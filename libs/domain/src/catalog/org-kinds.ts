/** Organisation kinds of the Party organisation tree (domain.md: Organisations). */
export const ORG_KINDS = ['committee', 'leading-group', 'general-branch', 'branch', 'group'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export interface OrgKindInfo {
  id: OrgKind;
  name: string;
  /** Kinds a parent of this kind may have; empty means it must be a root. */
  parentKinds: readonly OrgKind[];
}

export const ORG_KIND_INFO: Readonly<Record<OrgKind, OrgKindInfo>> = {
  committee: { id: 'committee', name: '党委', parentKinds: ['committee', 'leading-group'] },
  'leading-group': { id: 'leading-group', name: '党组', parentKinds: ['committee'] },
  'general-branch': { id: 'general-branch', name: '党总支', parentKinds: ['committee'] },
  branch: { id: 'branch', name: '党支部', parentKinds: ['committee', 'general-branch'] },
  group: { id: 'group', name: '党小组', parentKinds: ['branch', 'general-branch'] },
};

export function isOrgKind(value: string): value is OrgKind {
  return (ORG_KINDS as readonly string[]).includes(value);
}
