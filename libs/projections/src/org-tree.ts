import { ValidationError } from '../../domain/src';
import type { CivilDate, OrgDoc } from '../../domain/src';
import type { LedgerView } from './ledger-view';

/**
 * The organisation tree as queries need it: who sits beneath whom, and who existed when.
 * Pure functions over a list of org documents (one `listOrgs()` read), so roll-ups never do one
 * read per level.
 */

/** Children of every org, keyed by parent id (roots under `null`), in the order given. */
export type ChildrenIndex = ReadonlyMap<string | null, readonly OrgDoc[]>;

export function childrenIndex(orgs: readonly OrgDoc[]): ChildrenIndex {
  const index = new Map<string | null, OrgDoc[]>();
  for (const org of orgs) {
    const siblings = index.get(org.parentId);
    if (siblings) siblings.push(org);
    else index.set(org.parentId, [org]);
  }
  return index;
}

/**
 * The org and everything beneath it, root first, then depth-first in list order. Empty when
 * the root is unknown. A visited set guards against a corrupt (cyclic) tree.
 */
export function descendantsOf(orgs: readonly OrgDoc[], rootId: string, index: ChildrenIndex = childrenIndex(orgs)): OrgDoc[] {
  const root = orgs.find((o) => o.id === rootId);
  if (!root) return [];
  const result: OrgDoc[] = [];
  const seen = new Set<string>();
  const stack: OrgDoc[] = [root];
  while (stack.length > 0) {
    const org = stack.pop() as OrgDoc;
    if (seen.has(org.id)) continue;
    seen.add(org.id);
    result.push(org);
    const children = index.get(org.id) ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return result;
}

export function descendantIdsOf(orgs: readonly OrgDoc[], rootId: string): string[] {
  return descendantsOf(orgs, rootId).map((o) => o.id);
}

/** The 党小组 directly under an org (a branch or general branch). */
export function groupsOf(index: ChildrenIndex, orgId: string): OrgDoc[] {
  return (index.get(orgId) ?? []).filter((o) => o.kind === 'group');
}

/**
 * Whether the org existed at some point in [from, to] (inclusive). An unknown founding date
 * means "always was"; the dissolution day itself still counts as a day of existence.
 */
export function existedDuring(org: OrgDoc, from: CivilDate, to: CivilDate): boolean {
  if (org.establishedOn !== null && org.establishedOn > to) return false;
  if (org.dissolvedOn !== null && org.dissolvedOn < from) return false;
  return true;
}

/** The org a query is about and the orgs it covers (itself alone, or its whole subtree). */
export interface QueryScope {
  root: OrgDoc;
  orgs: OrgDoc[];
}

/**
 * Resolves a query's org (and, with roll-up, its subtree from one `listOrgs()` read).
 * Throws a ValidationError worded for the user when the org is unknown.
 */
export async function loadScope(view: LedgerView, orgId: string, rollup: boolean): Promise<QueryScope> {
  if (!rollup) {
    const root = await view.getOrg(orgId);
    if (!root) throw unknownOrg(orgId);
    return { root, orgs: [root] };
  }
  const orgs = descendantsOf(await view.listOrgs(), orgId);
  if (orgs.length === 0) throw unknownOrg(orgId);
  return { root: orgs[0], orgs };
}

export function unknownOrg(orgId: string): ValidationError {
  return ValidationError.of('orgId', `找不到组织“${orgId}”`, `unknown organisation ${orgId}`);
}
