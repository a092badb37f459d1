import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListOrgsQuery } from '../../../../libs/application/src/queries/list-orgs.query';
import type { OrgDoc } from '../../../../libs/domain/src';
import { AccessService } from '../auth/access.service';
import type { SessionAccount } from '../auth/session-account';
import { orgKindName } from './labels';

/** One entry of an org chooser: indented by depth so the tree reads in a plain <select>. */
export interface OrgOption {
  id: string;
  name: string;
  kind: string;
  kindName: string;
  depth: number;
  /** Name indented with full-width spaces (a <select> cannot be styled per option on phones). */
  label: string;
  selected: boolean;
  dissolved: boolean;
}

export interface OrgChoice {
  /** The orgs the account may read, in tree order. */
  options: OrgOption[];
  /** The org the page shows (null only when the account sees no org at all). */
  selected: OrgDoc | null;
}

/**
 * The organisations a page may offer: only those in the account's scope. A page asked for an org
 * outside it answers 403 (the URL was edited), never an empty page.
 */
@Injectable()
export class PageOrgs {
  constructor(
    private readonly queries: QueryBus,
    private readonly access: AccessService,
  ) {}

  /** The readable orgs in tree order (parents before children, siblings by id). */
  async readable(account: SessionAccount): Promise<OrgDoc[]> {
    const [{ orgs }, allowed] = await Promise.all([this.queries.execute(new ListOrgsQuery()), this.access.readableOrgIds(account)]);
    const visible = allowed === null ? orgs : orgs.filter((o) => allowed.has(o.id));
    return treeOrder(visible);
  }

  /**
   * The chooser and the org to show: the one asked for (403 when out of scope), else the
   * account's own org, else the first readable one.
   */
  async choose(account: SessionAccount, requested: string | undefined): Promise<OrgChoice> {
    if (requested) await this.access.assertCanRead(account, requested);
    const orgs = await this.readable(account);
    const wanted = requested ?? account.orgId ?? undefined;
    const selected = orgs.find((o) => o.id === wanted) ?? (requested ? undefined : orgs[0]);
    const depths = depthsOf(orgs);
    return {
      options: orgs.map((o) => optionOf(o, depths.get(o.id) ?? 0, o.id === selected?.id)),
      selected: selected ?? (requested ? placeholderOrg(requested) : null),
    };
  }

  /** The org chosen for writing (403 for auditors and out-of-scope orgs). */
  assertCanWrite(account: SessionAccount, orgId: string): Promise<void> {
    return this.access.assertCanWrite(account, orgId);
  }

  assertCanRead(account: SessionAccount, orgId: string): Promise<void> {
    return this.access.assertCanRead(account, orgId);
  }

  assertAdmin(account: SessionAccount): void {
    this.access.assertAdmin(account);
  }

  canWrite(account: SessionAccount): boolean {
    return account.role !== 'auditor';
  }
}

/** An org id that passed the scope check but is not in the read model: the query will say it is unknown. */
function placeholderOrg(id: string): OrgDoc {
  return { id, name: id, kind: 'branch', parentId: null, establishedOn: null, dissolvedOn: null, streamVersion: 0, registeredAt: '' };
}

export function optionOf(org: OrgDoc, depth: number, selected: boolean): OrgOption {
  const dissolved = org.dissolvedOn !== null;
  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    kindName: orgKindName(org.kind),
    depth,
    label: `${'　'.repeat(depth)}${org.name}${dissolved ? '（已撤销）' : ''}`,
    selected,
    dissolved,
  };
}

/** Parents before their children; roots are the orgs whose parent is not in the list. */
export function treeOrder(orgs: readonly OrgDoc[]): OrgDoc[] {
  const ids = new Set(orgs.map((o) => o.id));
  const children = new Map<string | null, OrgDoc[]>();
  for (const o of orgs) {
    const parent = o.parentId !== null && ids.has(o.parentId) ? o.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), o]);
  }
  const ordered: OrgDoc[] = [];
  const walk = (parent: string | null) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const o of list) {
      ordered.push(o);
      walk(o.id);
    }
  };
  walk(null);
  return ordered;
}

export function depthsOf(ordered: readonly OrgDoc[]): Map<string, number> {
  const depths = new Map<string, number>();
  for (const o of ordered) depths.set(o.id, o.parentId !== null && depths.has(o.parentId) ? (depths.get(o.parentId) as number) + 1 : 0);
  return depths;
}
