import { ACTIVITY_KINDS, activityKindById, findQualifier, type ActivityDetails } from '../../../domain/src';
import { LIST_SEPARATOR } from '../ledger-columns';

/** 三会一课, each with the short name its sheet carries. */
export const THREE_MEETINGS_ONE_LESSON: readonly { kind: string; sheetName: string }[] = [
  { kind: 'branch-assembly', sheetName: '支部党员大会' },
  { kind: 'committee-meeting', sheetName: '支委会' },
  { kind: 'group-meeting', sheetName: '党小组会' },
  { kind: 'party-lecture', sheetName: '党课' },
];

export function kindName(kindId: string): string {
  return activityKindById(kindId)?.name ?? kindId;
}

/** `支部党员大会、党课` for a combined sitting. */
export function kindsCell(details: ActivityDetails): string {
  return details.kinds.map(kindName).join(LIST_SEPARATOR);
}

/** The qualifier's Chinese name, looked up on whichever of the kinds defines it. */
export function qualifierName(kinds: readonly string[], qualifier: string | null): string | null {
  if (qualifier === null) return null;
  for (const id of kinds) {
    const kind = activityKindById(id);
    const found = kind ? findQualifier(kind, qualifier) : undefined;
    if (found) return found.name;
  }
  return qualifier;
}

const CATALOG_ORDER = ACTIVITY_KINDS.map((k) => k.id);

/**
 * Kinds in catalog order (which begins with the 三会一课): those four always, as an empty column
 * says "none held", which matters; then any other kind that occurs; unknown ids last.
 */
export function summaryKinds(occurring: Iterable<string>): string[] {
  const wanted = new Set<string>([...THREE_MEETINGS_ONE_LESSON.map((k) => k.kind), ...occurring]);
  const rank = (id: string) => {
    const index = CATALOG_ORDER.indexOf(id);
    return index >= 0 ? index : CATALOG_ORDER.length;
  };
  return [...wanted].sort((a, b) => rank(a) - rank(b));
}
