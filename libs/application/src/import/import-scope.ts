import type { OrgDoc } from '../../../domain/src';
import { ValidationError } from '../../../domain/src';
import { rosterIndex, RosterIndex } from '../../../ledger-io/src/import';
import type { LedgerView } from '../../../projections/src/ledger-view';

/**
 * What the plan looks rows up in, read from the view once per import: the importing org and every
 * org under it (a 组织 column may name them), their 党小组, and every member of the ledger.
 */
export interface ImportScope {
  root: OrgDoc;
  orgs: ReadonlyMap<string, OrgDoc>;
  /** Direct children per org (the deciders' `childGroups`). */
  children: ReadonlyMap<string, readonly OrgDoc[]>;
  roster: RosterIndex;
}

export async function loadImportScope(view: LedgerView, orgId: string): Promise<ImportScope> {
  const root = await view.getOrg(orgId);
  if (!root) throw ValidationError.of('orgId', `组织 ${orgId} 不存在`, `org ${orgId} does not exist`);
  const all = await view.listOrgs();
  const childrenOf = new Map<string, OrgDoc[]>();
  for (const org of all) {
    if (org.parentId === null) continue;
    const list = childrenOf.get(org.parentId);
    if (list) list.push(org);
    else childrenOf.set(org.parentId, [org]);
  }
  const orgs = new Map<string, OrgDoc>([[root.id, root]]);
  const queue = [root.id];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const child of childrenOf.get(id) ?? []) {
      if (orgs.has(child.id)) continue;
      orgs.set(child.id, child);
      queue.push(child.id);
    }
  }
  return { root, orgs, children: childrenOf, roster: rosterIndex(await view.listMembers()) };
}

export type OrgMatch = { ok: true; org: OrgDoc } | { ok: false; message: string; messageEn: string };

/** A 组织 cell: the id or the name of the importing org or one under it. */
export function matchOrg(scope: ImportScope, text: string | null): OrgMatch {
  if (text === null) return { ok: true, org: scope.root };
  const byId = scope.orgs.get(text);
  if (byId) return { ok: true, org: byId };
  const named = [...scope.orgs.values()].filter((o) => o.name === text || o.name.replace(/\s+/gu, '') === text.replace(/\s+/gu, ''));
  if (named.length === 1) return { ok: true, org: named[0] };
  if (named.length > 1) {
    return {
      ok: false,
      message: `有多个名为“${text}”的组织（${named.map((o) => o.id).join('、')}），请填写组织编号`,
      messageEn: `several orgs are called ${text}: use the org id`,
    };
  }
  return {
    ok: false,
    message: `“${text}”不是${scope.root.name}（${scope.root.id}）或其下级组织`,
    messageEn: `${text} is not org ${scope.root.id} or an org under it`,
  };
}
