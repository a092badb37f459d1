import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DissolveOrganizationCommand,
  MoveOrganizationCommand,
  RegisterOrganizationCommand,
  RenameOrganizationCommand,
} from '../../../../../libs/application/src/commands/organization.commands';
import { ListOrgsQuery } from '../../../../../libs/application/src/queries/list-orgs.query';
import type { OrgDoc } from '../../../../../libs/domain/src';
import { CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import { webMeta } from '../../auth/web-meta';
import { DISSOLVE_BODY, MOVE_BODY, ORG_BODY, RENAME_BODY } from '../api-docs-schemas';
import { ApiScope } from '../api-scope';
import { parseDissolveOrg, parseMoveOrg, parseRegisterOrg, parseRenameOrg } from '../input/org-body';

/**
 * Organisations. The tree is what every account's scope is cut from, so changing it (register,
 * rename, move, dissolve) is for admins only; anyone reads the orgs in their scope.
 */
@ApiTags('组织 orgs')
@Controller('api/orgs')
export class OrgsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly scope: ApiScope,
  ) {}

  @Post()
  @ApiOperation({ summary: '登记组织（仅管理员）', description: '`taizhang org add`；201 `{id, ok}`' })
  @ApiBody({ schema: ORG_BODY })
  async register(@CurrentAccount() account: SessionAccount, @Body() body: unknown): Promise<{ id: string; ok: true }> {
    this.scope.admin(account);
    const r = await this.commands.execute(new RegisterOrganizationCommand(parseRegisterOrg(body), webMeta(account)));
    return { id: r.orgId, ok: true };
  }

  @Get()
  @ApiOperation({ summary: '组织列表（本账号可见范围内）', description: '`taizhang org list --json`：`{orgs}`' })
  async list(@CurrentAccount() account: SessionAccount): Promise<{ orgs: OrgDoc[] }> {
    const { orgs } = await this.queries.execute(new ListOrgsQuery());
    const readable = await this.scope.readableOrgIds(account);
    return { orgs: readable === null ? orgs : orgs.filter((o) => readable.has(o.id)) };
  }

  @Get(':id')
  @ApiOperation({ summary: '一个组织' })
  async get(@CurrentAccount() account: SessionAccount, @Param('id') id: string): Promise<OrgDoc | undefined> {
    await this.scope.readOrg(account, id);
    const { orgs } = await this.queries.execute(new ListOrgsQuery());
    return orgs.find((o) => o.id === id);
  }

  @Post(':id/rename')
  @HttpCode(200)
  @ApiOperation({ summary: '组织更名（仅管理员）', description: '`taizhang org rename`' })
  @ApiBody({ schema: RENAME_BODY })
  async rename(@CurrentAccount() account: SessionAccount, @Param('id') id: string, @Body() body: unknown): Promise<{ id: string; ok: true }> {
    this.scope.admin(account);
    const r = await this.commands.execute(new RenameOrganizationCommand(parseRenameOrg(body, id), webMeta(account)));
    return { id: r.orgId, ok: true };
  }

  @Post(':id/move')
  @HttpCode(200)
  @ApiOperation({ summary: '调整隶属关系（仅管理员）', description: '`taizhang org move`' })
  @ApiBody({ schema: MOVE_BODY })
  async move(@CurrentAccount() account: SessionAccount, @Param('id') id: string, @Body() body: unknown): Promise<{ id: string; ok: true }> {
    this.scope.admin(account);
    const r = await this.commands.execute(new MoveOrganizationCommand(parseMoveOrg(body, id), webMeta(account)));
    return { id: r.orgId, ok: true };
  }

  @Post(':id/dissolve')
  @HttpCode(200)
  @ApiOperation({ summary: '撤销组织（仅管理员）', description: '`taizhang org dissolve`' })
  @ApiBody({ schema: DISSOLVE_BODY })
  async dissolve(@CurrentAccount() account: SessionAccount, @Param('id') id: string, @Body() body: unknown): Promise<{ id: string; ok: true }> {
    this.scope.admin(account);
    const r = await this.commands.execute(new DissolveOrganizationCommand(parseDissolveOrg(body, id), webMeta(account)));
    return { id: r.orgId, ok: true };
  }
}
