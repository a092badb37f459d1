import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { EnrollMemberCommand, TransferMemberCommand } from '../../../../../libs/application/src/commands/member.commands';
import { RegisterOrganizationCommand } from '../../../../../libs/application/src/commands/organization.commands';
import { ListMembersQuery } from '../../../../../libs/application/src/queries/list-orgs.query';
import { ValidationError } from '../../../../../libs/domain/src';
import { CsrfToken, CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import { attemptForm, sameNames } from '../field-errors';
import { FormFields, optionalTextOf, queryString, textOf } from '../form-values';
import { PageClock } from '../page-clock';
import { PageOrgs } from '../page-orgs';
import { pageFrame, redirectAfterPost, renderPage } from '../page-render';
import { orgsModel, OrgsForms } from './orgs.view-model';

/**
 * 组织与党员 `/orgs?org=`: the tree in scope and one org's roster. Admins register organisations;
 * secretaries (and admins) enrol and transfer members of orgs in their scope.
 */
@Controller('orgs')
export class OrgsPageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly orgs: PageOrgs,
    private readonly clock: PageClock,
  ) {}

  @Get()
  async show(@CurrentAccount() account: SessionAccount, @CsrfToken() csrfToken: string, @Query() query: FormFields, @Res() res: Response): Promise<void> {
    const enrolled = textOf(query, 'enrolled');
    const transferred = textOf(query, 'transferred');
    const flash = enrolled ? `已登记党员 ${enrolled}` : transferred ? `已办理 ${transferred} 的组织关系转接` : null;
    await this.render(res, account, csrfToken, optionalTextOf(query, 'org'), {}, 200, flash);
  }

  /** 新增组织 (admins): under an org in their scope, or a new root for an admin of the whole ledger. */
  @Post()
  async addOrg(@CurrentAccount() account: SessionAccount, @CsrfToken() csrfToken: string, @Body() body: FormFields, @Res() res: Response): Promise<void> {
    this.orgs.assertAdmin(account);
    const values = { id: textOf(body, 'id'), name: textOf(body, 'name'), kind: textOf(body, 'kind'), parentId: textOf(body, 'parentId'), establishedOn: textOf(body, 'establishedOn') };
    if (values.parentId !== '') await this.orgs.assertCanWrite(account, values.parentId);
    else if (account.orgId !== null) await this.orgs.assertCanWrite(account, '');
    const result = await attemptForm(
      () => this.commands.execute(new RegisterOrganizationCommand({ ...values, parentId: values.parentId || undefined, establishedOn: values.establishedOn || undefined }, { actor: account.username, source: 'web' })),
      sameNames('id', 'name', 'kind', 'parentId', 'establishedOn'),
    );
    if (result.ok) return redirectAfterPost(res, `/orgs${queryString({ org: result.value.orgId })}`);
    await this.render(res, account, csrfToken, values.parentId || undefined, { addOrg: { values, errors: result.errors } }, result.status);
  }

  /** 登记党员 into an org in scope. */
  @Post('members')
  async enroll(@CurrentAccount() account: SessionAccount, @CsrfToken() csrfToken: string, @Body() body: FormFields, @Res() res: Response): Promise<void> {
    const values = { memberId: textOf(body, 'memberId'), name: textOf(body, 'name'), orgId: textOf(body, 'org'), status: textOf(body, 'status'), since: textOf(body, 'since') };
    await this.orgs.assertCanWrite(account, values.orgId);
    const result = await attemptForm(
      () => this.commands.execute(new EnrollMemberCommand({ ...values, since: values.since || undefined }, { actor: account.username, source: 'web' })),
      { memberId: 'memberId', name: 'name', orgId: 'org', status: 'status', since: 'since' },
    );
    if (result.ok) return redirectAfterPost(res, `/orgs${queryString({ org: values.orgId, enrolled: result.value.memberId })}`);
    await this.render(res, account, csrfToken, values.orgId, { addMember: { values, errors: result.errors } }, result.status);
  }

  /** 组织关系转接: out of an org in scope (recorded in that org's stream) to any existing org. */
  @Post('members/transfer')
  async transfer(@CurrentAccount() account: SessionAccount, @CsrfToken() csrfToken: string, @Body() body: FormFields, @Res() res: Response): Promise<void> {
    const values = { memberId: textOf(body, 'memberId'), fromOrgId: textOf(body, 'org'), toOrgId: textOf(body, 'toOrgId'), on: textOf(body, 'on') };
    await this.orgs.assertCanWrite(account, values.fromOrgId);
    const result = await attemptForm(async () => {
      // The member must belong to the org the form was for (the one whose scope was checked).
      const { members } = await this.queries.execute(new ListMembersQuery({ orgId: values.fromOrgId }));
      if (!members.some((m) => m.id === values.memberId && m.orgId === values.fromOrgId)) {
        throw ValidationError.of('memberId', `请选择本组织的党员`, `member ${values.memberId} is not in org ${values.fromOrgId}`);
      }
      return this.commands.execute(new TransferMemberCommand({ memberId: values.memberId, toOrgId: values.toOrgId, on: values.on || undefined }, { actor: account.username, source: 'web' }));
    }, sameNames('memberId', 'toOrgId', 'on'));
    if (result.ok) return redirectAfterPost(res, `/orgs${queryString({ org: values.fromOrgId, transferred: result.value.memberId })}`);
    await this.render(res, account, csrfToken, values.fromOrgId, { transfer: { values, errors: result.errors } }, result.status);
  }

  private async render(
    res: Response,
    account: SessionAccount,
    csrfToken: string,
    requested: string | undefined,
    forms: OrgsForms,
    status: number,
    flash: string | null = null,
  ): Promise<void> {
    const frame = pageFrame('组织与党员', 'orgs', account, csrfToken);
    const choice = await this.orgs.choose(account, requested);
    if (choice.selected === null && account.role !== 'admin') return renderPage(res, 'no-org', frame, {});
    const today = this.clock.today();
    const org = choice.selected;
    const roster = org ? (await this.queries.execute(new ListMembersQuery({ orgId: org.id, on: today }))).members : [];
    const canWriteOrg = org !== null && frame.canWrite;
    renderPage(
      res,
      'orgs',
      frame,
      {
        ...(flash ? { flash } : {}),
        ...orgsModel({
        options: choice.options,
        org,
        roster,
        today,
        canAddOrg: frame.isAdmin,
        canAddRoot: frame.isAdmin && account.orgId === null,
        canWriteOrg,
        forms,
        }),
      },
      status,
    );
  }
}
