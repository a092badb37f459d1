import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { ActivityDoc, MemberDoc } from '../../../../libs/domain/src';
import type { Ledger } from '../../../../libs/application/src/ledger';
import { LEDGER } from '../../../../libs/application/src/tokens';
import type { ReportRecord } from '../../../../libs/projections/src/reports/report-record';
import { AccessService } from '../auth/access.service';
import type { SessionAccount } from '../auth/session-account';

/**
 * The scope check of every API route, in one place: the org named in the path or body, or the
 * org a named activity, member or report belongs to, must be readable (GET) or writable (POST)
 * by the account. Records named in a path that do not exist answer 404; the check against the
 * scope always comes first for orgs, so a guessed org id outside the scope is a 403 either way.
 */
@Injectable()
export class ApiScope {
  constructor(
    private readonly access: AccessService,
    @Inject(LEDGER) private readonly ledger: Ledger,
  ) {}

  async readOrg(account: SessionAccount, orgId: string): Promise<void> {
    await this.access.assertCanRead(account, orgId);
    await this.requireOrgExists(orgId);
  }

  /** The scope check alone, for an org named in uploaded content (whose existence the query checks). */
  async readOrgScope(account: SessionAccount, orgId: string): Promise<void> {
    await this.access.assertCanRead(account, orgId);
  }

  async writeOrg(account: SessionAccount, orgId: string): Promise<void> {
    await this.access.assertCanWrite(account, orgId);
  }

  admin(account: SessionAccount): void {
    this.access.assertAdmin(account);
  }

  /** A 403 for a rule of the route itself (not the org scope). */
  refuse(message: string, messageEn: string): never {
    throw new ForbiddenException({ error: 'forbidden', message, messageEn });
  }

  /** The orgs the account may read; null = the whole ledger. */
  readableOrgIds(account: SessionAccount): Promise<Set<string> | null> {
    return this.access.readableOrgIds(account);
  }

  /** Auditors are refused before anything is looked up: no write route tells them what exists. */
  async refuseReadOnly(account: SessionAccount): Promise<void> {
    if (account.role === 'auditor') await this.access.assertCanWrite(account, account.orgId ?? '');
  }

  async activity(account: SessionAccount, activityId: string, mode: 'read' | 'write'): Promise<ActivityDoc> {
    if (mode === 'write') await this.refuseReadOnly(account);
    await this.ledger.catchUp();
    const activity = await this.ledger.view.getActivity(activityId);
    if (!activity) throw notFound(`活动不存在：${activityId}`, `unknown activity: ${activityId}`);
    await this.check(account, activity.orgId, mode);
    return activity;
  }

  async activityExists(activityId: string): Promise<boolean> {
    await this.ledger.catchUp();
    return activityId !== '' && (await this.ledger.view.getActivity(activityId)) !== undefined;
  }

  /** A member's current org (the last one for a member who left) must be in scope. */
  async member(account: SessionAccount, memberId: string, mode: 'read' | 'write'): Promise<MemberDoc> {
    if (mode === 'write') await this.refuseReadOnly(account);
    await this.ledger.catchUp();
    const member = await this.ledger.view.getMember(memberId);
    if (!member) throw notFound(`党员不存在：${memberId}`, `unknown member: ${memberId}`);
    const orgId = member.orgId ?? member.periods[member.periods.length - 1]?.orgId ?? '';
    await this.check(account, orgId, mode);
    return member;
  }

  async report(account: SessionAccount, reportId: string): Promise<ReportRecord> {
    await this.ledger.catchUp();
    const report = await this.ledger.view.getReport(reportId);
    if (!report) throw notFound(`报告不存在：${reportId}`, `unknown report: ${reportId}`);
    await this.access.assertCanRead(account, report.orgId);
    return report;
  }

  private check(account: SessionAccount, orgId: string, mode: 'read' | 'write'): Promise<void> {
    return mode === 'read' ? this.access.assertCanRead(account, orgId) : this.access.assertCanWrite(account, orgId);
  }

  private async requireOrgExists(orgId: string): Promise<void> {
    await this.ledger.catchUp();
    if (!(await this.ledger.view.getOrg(orgId))) throw notFound(`组织不存在：${orgId}`, `unknown organisation: ${orgId}`);
  }
}

export function notFound(message: string, messageEn: string): NotFoundException {
  return new NotFoundException({ error: 'not-found', message, messageEn });
}
