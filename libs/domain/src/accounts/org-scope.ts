import type { KnownAccount } from './known-account';

/** An org's parent: its id, null at a root, undefined when the org is not known. */
export type ParentLookup = (orgId: string) => string | null | undefined;

/** A parent lookup over a list of orgs (e.g. `LedgerView.listOrgs()`). */
export function parentLookupOf(orgs: Iterable<{ id: string; parentId: string | null }>): ParentLookup {
  const parents = new Map<string, string | null>();
  for (const org of orgs) parents.set(org.id, org.parentId);
  return (orgId) => parents.get(orgId);
}

/**
 * True when `orgId` is `rootId` or lies beneath it: walks up from `orgId` towards the root. A
 * cycle in corrupt data ends the walk instead of looping.
 */
export function isInSubtree(orgId: string, rootId: string, parentOf: ParentLookup): boolean {
  const seen = new Set<string>();
  for (let current: string | null | undefined = orgId; typeof current === 'string' && !seen.has(current); current = parentOf(current)) {
    if (current === rootId) return true;
    seen.add(current);
  }
  return false;
}

/** The parts of an account its scope depends on. */
export type ScopedAccount = Pick<KnownAccount, 'role' | 'orgId' | 'disabled'>;

/** An enabled admin with no org: may read, write and manage everything. */
export function hasWholeLedgerScope(account: ScopedAccount): boolean {
  return !account.disabled && account.role === 'admin' && account.orgId === null;
}

/** The org is within the account's scope (its org and the descendants); disabled accounts have none. */
function inScope(account: ScopedAccount, orgId: string, orgTree: ParentLookup): boolean {
  if (account.disabled) return false;
  if (hasWholeLedgerScope(account)) return true;
  // Only an admin may lack an org; any other account without one is in scope of nothing.
  return account.orgId !== null && isInSubtree(orgId, account.orgId, orgTree);
}

/**
 * May the account read this org's records? Admins and secretaries and auditors alike, in their
 * scope: an admin with no org reads everything, one with an org reads that subtree.
 */
export function canRead(account: ScopedAccount, orgId: string, orgTree: ParentLookup): boolean {
  return inScope(account, orgId, orgTree);
}

/** May the account record events for this org? Admins and secretaries in scope; auditors never. */
export function canWrite(account: ScopedAccount, orgId: string, orgTree: ParentLookup): boolean {
  return account.role !== 'auditor' && inScope(account, orgId, orgTree);
}

/**
 * May `actor` create, reset, disable or enable an account with this role and org? Only an
 * enabled admin: one of the whole ledger for any account, one with an org only for accounts
 * scoped inside it (never for an admin of the whole ledger).
 */
export function canManageAccount(actor: ScopedAccount, target: Pick<KnownAccount, 'orgId'>, orgTree: ParentLookup): boolean {
  if (actor.role !== 'admin' || actor.disabled) return false;
  if (actor.orgId === null) return true;
  return target.orgId !== null && isInSubtree(target.orgId, actor.orgId, orgTree);
}

/** The ids of the orgs the account may read, out of `orgs`; null when it may read every org. */
export function readableOrgIds(account: ScopedAccount, orgs: readonly { id: string; parentId: string | null }[]): Set<string> | null {
  if (hasWholeLedgerScope(account)) return null;
  const orgTree = parentLookupOf(orgs);
  return new Set(orgs.filter((org) => inScope(account, org.id, orgTree)).map((org) => org.id));
}
