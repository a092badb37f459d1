import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateAccountCommand,
  DisableAccountCommand,
  EnableAccountCommand,
  GetAccountQuery,
  ListAccountsQuery,
  ResetPasswordCommand,
  type AccountView,
  type CreateAccountResult,
  type ResetPasswordResult,
} from '../../../../../libs/application/src/accounts';
import { CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import { webMeta } from '../../auth/web-meta';
import { REASON_BODY, USER_BODY } from '../api-docs-schemas';
import { ApiScope, notFound } from '../api-scope';
import { parseCreateUser, parseDisableUser, parseResetPassword } from '../input/user-body';

/**
 * Accounts, for admins. An admin of the whole ledger manages every account; an admin scoped to an
 * org manages only accounts scoped inside it (never a whole-ledger one, which would be a way out).
 */
@ApiTags('账号 users')
@Controller('api/users')
export class UsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly scope: ApiScope,
  ) {}

  @Post()
  @ApiOperation({
    summary: '新建账号（仅管理员）',
    description: '`taizhang user add`：201 `{account, generatedPassword}`；不给 password 时生成一个，只在此显示一次。',
  })
  @ApiBody({ schema: USER_BODY })
  async create(@CurrentAccount() account: SessionAccount, @Body() body: unknown): Promise<CreateAccountResult> {
    this.scope.admin(account);
    const input = parseCreateUser(body);
    await this.assertManages(account, input.orgId);
    return this.commands.execute(new CreateAccountCommand(input, webMeta(account)));
  }

  @Get()
  @ApiOperation({ summary: '账号列表（仅管理员）', description: '`taizhang user list --json`：`{accounts}`，不含密码' })
  async list(@CurrentAccount() account: SessionAccount): Promise<{ accounts: AccountView[] }> {
    this.scope.admin(account);
    const { accounts } = await this.queries.execute(new ListAccountsQuery());
    const readable = await this.scope.readableOrgIds(account);
    return { accounts: readable === null ? accounts : accounts.filter((a) => a.orgId !== null && readable.has(a.orgId)) };
  }

  @Get(':username')
  @ApiOperation({ summary: '一个账号（仅管理员）' })
  async get(@CurrentAccount() account: SessionAccount, @Param('username') username: string): Promise<AccountView> {
    return this.managed(account, username);
  }

  @Post(':username/reset-password')
  @HttpCode(200)
  @ApiOperation({ summary: '重置密码（仅管理员）', description: '`taizhang user reset-password`：`{account, password, generated}`；账号下次登录须改密码' })
  @ApiBody({ schema: { type: 'object', properties: { newPassword: { type: 'string', description: '不给时生成一个' } } } })
  async resetPassword(@CurrentAccount() account: SessionAccount, @Param('username') username: string, @Body() body: unknown): Promise<ResetPasswordResult> {
    const target = await this.managed(account, username);
    return this.commands.execute(new ResetPasswordCommand({ username: target.username, ...parseResetPassword(body) }, webMeta(account)));
  }

  @Post(':username/disable')
  @HttpCode(200)
  @ApiOperation({ summary: '停用账号（仅管理员）', description: '`taizhang user disable`：停用后不能登录，已登录的会话随即失效' })
  @ApiBody({ schema: { ...REASON_BODY, required: [] } })
  async disable(@CurrentAccount() account: SessionAccount, @Param('username') username: string, @Body() body: unknown): Promise<{ account: AccountView }> {
    const target = await this.managed(account, username);
    return this.commands.execute(new DisableAccountCommand({ username: target.username, ...parseDisableUser(body) }, webMeta(account)));
  }

  @Post(':username/enable')
  @HttpCode(200)
  @ApiOperation({ summary: '重新启用账号（仅管理员）' })
  async enable(@CurrentAccount() account: SessionAccount, @Param('username') username: string): Promise<{ account: AccountView }> {
    const target = await this.managed(account, username);
    return this.commands.execute(new EnableAccountCommand({ username: target.username }, webMeta(account)));
  }

  /** The account named in the path, when the signed-in admin may manage it. */
  private async managed(account: SessionAccount, username: string): Promise<AccountView> {
    this.scope.admin(account);
    const target = await this.queries.execute(new GetAccountQuery({ username }));
    if (!target) throw notFound(`账号不存在：${username}`, `unknown account: ${username}`);
    await this.assertManages(account, target.orgId);
    return target;
  }

  private async assertManages(account: SessionAccount, targetOrgId: string | null): Promise<void> {
    if (account.orgId === null) return;
    if (targetOrgId === null) this.scope.refuse('只有全台账管理员可以管理全台账范围的账号', 'only an admin of the whole ledger manages whole-ledger accounts');
    await this.scope.writeOrg(account, targetOrgId as string);
  }
}
