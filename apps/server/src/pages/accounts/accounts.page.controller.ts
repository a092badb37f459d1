import { Body, Controller, ForbiddenException, Get, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import {
  CreateAccountCommand,
  DisableAccountCommand,
  EnableAccountCommand,
  ListAccountsQuery,
  ResetPasswordCommand,
  type AccountView,
} from '../../../../../libs/application/src/accounts';
import { ListOrgsQuery } from '../../../../../libs/application/src/queries/list-orgs.query';
import { canManageAccount, parentLookupOf, ROLES } from '../../../../../libs/domain/src/accounts';
import { CsrfToken, CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import { attemptForm, FieldErrors, NO_ERRORS, sameNames } from '../field-errors';
import { FormFields, flagOf, queryString, textOf } from '../form-values';
import { chinaDateTime, ROLE_LABELS } from '../labels';
import { PageOrgs } from '../page-orgs';
import { pageFrame, redirectAfterPost, renderPage } from '../page-render';

interface AccountsPageState {
  create?: { values: Record<string, string>; errors: FieldErrors };
  /** A password just generated or set: shown on this one response, never again. */
  oneTimePassword?: { username: string; password: string; what: string };
  rowErrors?: { username: string; errors: FieldErrors };
}

/** 账号 `/accounts` (admins only): accounts in the admin's scope; create, reset password, disable, enable. */
@Controller('accounts')
export class AccountsPageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly orgs: PageOrgs,
  ) {}

  @Get()
  async show(@CurrentAccount() account: SessionAccount, @CsrfToken() csrfToken: string, @Query() query: FormFields, @Res() res: Response): Promise<void> {
    this.orgs.assertAdmin(account);
    const done = textOf(query, 'done');
    const flash = done === 'disabled' ? `已停用账号 ${textOf(query, 'user')}` : done === 'enabled' ? `已启用账号 ${textOf(query, 'user')}` : null;
    await this.render(res, account, csrfToken, {}, 200, flash);
  }

  @Post()
  async create(@CurrentAccount() account: SessionAccount, @CsrfToken() csrfToken: string, @Body() body: FormFields, @Res() res: Response): Promise<void> {
    this.orgs.assertAdmin(account);
    const values = {
      username: textOf(body, 'username'),
      displayName: textOf(body, 'displayName'),
      role: textOf(body, 'role'),
      orgId: textOf(body, 'orgId'),
      password: textOf(body, 'password'),
    };
    await this.assertCanManage(account, values.orgId || null);
    const result = await attemptForm(
      () =>
        this.commands.execute(
          new CreateAccountCommand(
            {
              username: values.username,
              role: values.role,
              orgId: values.orgId || null,
              displayName: values.displayName || null,
              // Blank: one is generated, shown once, and must be changed at first login.
              password: values.password === '' ? undefined : values.password,
              mustChangePassword: values.password === '' ? undefined : flagOf(body, 'mustChange'),
            },
            { actor: account.username, source: 'web' },
          ),
        ),
      sameNames('username', 'displayName', 'role', 'orgId', 'password'),
    );
    if (!result.ok) return this.render(res, account, csrfToken, { create: { values: { ...values, password: '' }, errors: result.errors } }, result.status);
    const created = result.value;
    await this.render(
      res,
      account,
      csrfToken,
      created.generatedPassword ? { oneTimePassword: { username: created.account.username, password: created.generatedPassword, what: '初始密码' } } : {},
      200,
      `已创建账号 ${created.account.username}`,
    );
  }

  @Post(':username/reset-password')
  async resetPassword(@CurrentAccount() account: SessionAccount, @CsrfToken() csrfToken: string, @Param('username') username: string, @Res() res: Response): Promise<void> {
    await this.assertCanManageUser(account, username);
    const result = await attemptForm(() => this.commands.execute(new ResetPasswordCommand({ username }, { actor: account.username, source: 'web' })), {});
    if (!result.ok) return this.render(res, account, csrfToken, { rowErrors: { username, errors: result.errors } }, result.status);
    await this.render(res, account, csrfToken, { oneTimePassword: { username, password: result.value.password, what: '新密码' } }, 200, `已重置 ${username} 的密码`);
  }

  @Post(':username/disable')
  async disable(
    @CurrentAccount() account: SessionAccount,
    @CsrfToken() csrfToken: string,
    @Param('username') username: string,
    @Body() body: FormFields,
    @Res() res: Response,
  ): Promise<void> {
    await this.assertCanManageUser(account, username);
    const result = await attemptForm(
      () => this.commands.execute(new DisableAccountCommand({ username, reason: textOf(body, 'reason') || null }, { actor: account.username, source: 'web' })),
      {},
    );
    if (!result.ok) return this.render(res, account, csrfToken, { rowErrors: { username, errors: result.errors } }, result.status);
    redirectAfterPost(res, `/accounts${queryString({ done: 'disabled', user: username })}`);
  }

  @Post(':username/enable')
  async enable(@CurrentAccount() account: SessionAccount, @CsrfToken() csrfToken: string, @Param('username') username: string, @Res() res: Response): Promise<void> {
    await this.assertCanManageUser(account, username);
    const result = await attemptForm(() => this.commands.execute(new EnableAccountCommand({ username }, { actor: account.username, source: 'web' })), {});
    if (!result.ok) return this.render(res, account, csrfToken, { rowErrors: { username, errors: result.errors } }, result.status);
    redirectAfterPost(res, `/accounts${queryString({ done: 'enabled', user: username })}`);
  }

  private async assertCanManage(actor: SessionAccount, targetOrgId: string | null): Promise<void> {
    const { orgs } = await this.queries.execute(new ListOrgsQuery());
    if (!canManageAccount({ ...actor, disabled: false }, { orgId: targetOrgId }, parentLookupOf(orgs))) {
      throw new ForbiddenException({ error: 'forbidden', message: '无权管理此组织的账号', messageEn: 'the account is outside your scope' });
    }
  }

  private async assertCanManageUser(actor: SessionAccount, username: string): Promise<void> {
    this.orgs.assertAdmin(actor);
    const { accounts } = await this.queries.execute(new ListAccountsQuery());
    const target = accounts.find((a) => a.username === username);
    // An unknown username is the command's to refuse (a field error); a known one must be in scope.
    if (target) await this.assertCanManage(actor, target.orgId);
  }

  private async render(res: Response, account: SessionAccount, csrfToken: string, state: AccountsPageState, status: number, flash: string | null = null): Promise<void> {
    const frame = pageFrame('账号', 'accounts', account, csrfToken);
    const [{ accounts }, { orgs }] = await Promise.all([this.queries.execute(new ListAccountsQuery()), this.queries.execute(new ListOrgsQuery())]);
    const tree = parentLookupOf(orgs);
    const actor = { ...account, disabled: false };
    const visible = accounts.filter((a: AccountView) => canManageAccount(actor, { orgId: a.orgId }, tree) || a.username === account.username);
    const orgOptions = (await this.orgs.choose(account, undefined)).options;
    const names = new Map(orgs.map((o) => [o.id, o.name]));
    const create = state.create ?? { values: {}, errors: NO_ERRORS };
    renderPage(
      res,
      'accounts',
      frame,
      {
        accounts: visible.map((a) => ({
          username: a.username,
          displayName: a.displayName ?? '',
          roleName: ROLE_LABELS[a.role] ?? a.role,
          org: a.orgId === null ? '全台账' : (names.get(a.orgId) ?? a.orgId),
          disabled: a.disabled,
          mustChangePassword: a.mustChangePassword,
          createdAt: chinaDateTime(a.createdAt),
          createdBy: a.createdBy,
          self: a.username === account.username,
          resetAction: `/accounts/${encodeURIComponent(a.username)}/reset-password`,
          disableAction: `/accounts/${encodeURIComponent(a.username)}/disable`,
          enableAction: `/accounts/${encodeURIComponent(a.username)}/enable`,
        })),
        create: {
          values: create.values,
          errors: create.errors,
          roles: ROLES.map((r) => ({ id: r, name: ROLE_LABELS[r], selected: r === (create.values.role || 'secretary') })),
          orgs: [
            ...(account.orgId === null ? [{ id: '', label: '（全台账，仅限管理员）', selected: (create.values.orgId ?? '') === '' && create.values.role === 'admin' }] : []),
            ...orgOptions.filter((o) => !o.dissolved).map((o) => ({ id: o.id, label: o.label, selected: o.id === create.values.orgId })),
          ],
        },
        oneTimePassword: state.oneTimePassword ?? null,
        rowErrors: state.rowErrors ? [...state.rowErrors.errors.general, ...Object.values(state.rowErrors.errors.byField).flat()] : [],
        ...(flash ? { flash } : {}),
      },
      status,
    );
  }
}
