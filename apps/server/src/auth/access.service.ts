import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { Ledger } from '../../../../libs/application/src/ledger';
import { LEDGER } from '../../../../libs/application/src/tokens';
import type { SessionAccount } from './session-account';

/**
 * Every read and write is checked against the account's scope on the server: an org and its
 * descendants. Admins see everything; secretaries read and write in scope; auditors only read.
 */
@Injectable()
export class AccessService {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  /** Throws 403 unless the account may read this org. */
  async assertCanRead(account: SessionAccount, orgId: string): Promise<void> {
    if (!(await this.inScope(account, orgId))) throw this.forbidden(`无权查看组织“${orgId}”`, `organisation ${orgId} is outside your scope`);
  }

  /** Throws 403 unless the account may record events for this org. */
  async assertCanWrite(account: SessionAccount, orgId: string): Promise<void> {
    if (account.role === 'auditor') throw this.forbidden('审计账号只能查看，不能登记或修改', 'auditors read only');
    if (!(await this.inScope(account, orgId))) throw this.forbidden(`无权为组织“${orgId}”登记`, `organisation ${orgId} is outside your scope`);
  }

  assertAdmin(account: SessionAccount): void {
    if (account.role !== 'admin') throw this.forbidden('仅管理员可以进行此操作', 'admins only');
  }

  /** The orgs this account may read (null = all). */
  async readableOrgIds(account: SessionAccount): Promise<Set<string> | null> {
    if (account.role === 'admin' && account.orgId === null) return null;
    const orgs = await this.ledger.view.listOrgs();
    const children = new Map<string, string[]>();
    for (const o of orgs) if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
    const ids = new Set<string>();
    const stack = account.orgId ? [account.orgId] : [];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (ids.has(id)) continue;
      ids.add(id);
      stack.push(...(children.get(id) ?? []));
    }
    return ids;
  }

  private async inScope(account: SessionAccount, orgId: string): Promise<boolean> {
    if (account.role === 'admin' && account.orgId === null) return true;
    if (account.orgId === null) return false;
    // Walk up from the org: in scope when the account's org is on the way to the root.
    const seen = new Set<string>();
    let current: string | null = orgId;
    while (current !== null && !seen.has(current)) {
      if (current === account.orgId) return true;
      seen.add(current);
      current = (await this.ledger.view.getOrg(current))?.parentId ?? null;
    }
    return false;
  }

  private forbidden(message: string, messageEn: string): ForbiddenException {
    return new ForbiddenException({ error: 'forbidden', message, messageEn });
  }
}
