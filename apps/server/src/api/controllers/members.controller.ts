import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  ChangeMemberStatusCommand,
  EnrollMemberCommand,
  MemberLeaveCommand,
  TransferMemberCommand,
} from '../../../../../libs/application/src/commands/member.commands';
import { ListMembersQuery } from '../../../../../libs/application/src/queries/list-orgs.query';
import type { MemberDoc } from '../../../../../libs/domain/src';
import { CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import { webMeta } from '../../auth/web-meta';
import { LEAVE_BODY, MEMBER_BODY, STATUS_BODY, TRANSFER_BODY } from '../api-docs-schemas';
import { ApiScope } from '../api-scope';
import { parseEnrollMember, parseMemberLeave, parseMemberStatus, parseTransferMember } from '../input/member-body';
import { QueryFields } from '../input/query-fields';

type MemberAck = { id: string; ok: true };

/**
 * Members (党员): enrol, transfer, status, leave, roster. Writes need the member's org in the
 * account's write scope; a transfer needs both the org the member leaves and the one they join.
 */
@ApiTags('党员 members')
@Controller('api')
export class MembersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly scope: ApiScope,
  ) {}

  @Post('members')
  @ApiOperation({ summary: '登记党员', description: '`taizhang member add`；201 `{id, ok}`' })
  @ApiBody({ schema: MEMBER_BODY })
  async enroll(@CurrentAccount() account: SessionAccount, @Body() body: unknown): Promise<MemberAck> {
    await this.scope.refuseReadOnly(account);
    const input = parseEnrollMember(body);
    await this.scope.writeOrg(account, input.orgId);
    const r = await this.commands.execute(new EnrollMemberCommand(input, webMeta(account)));
    return { id: r.memberId, ok: true };
  }

  @Get('orgs/:id/members')
  @ApiOperation({ summary: '党员名册', description: '`taizhang member list --json`：`{org, on, members}`' })
  @ApiQuery({ name: 'on', required: false, description: '某一天的名册 YYYY-MM-DD' })
  async roster(@CurrentAccount() account: SessionAccount, @Param('id') orgId: string, @Query() query: Record<string, unknown>) {
    await this.scope.readOrg(account, orgId);
    const q = new QueryFields(query);
    const on = q.text('on', '日期');
    q.done();
    return this.queries.execute(new ListMembersQuery({ orgId, on }));
  }

  @Get('members/:id')
  @ApiOperation({ summary: '一名党员（含组织关系历史）' })
  async get(@CurrentAccount() account: SessionAccount, @Param('id') memberId: string): Promise<MemberDoc> {
    return this.scope.member(account, memberId, 'read');
  }

  @Post('members/:id/transfer')
  @HttpCode(200)
  @ApiOperation({ summary: '组织关系转接', description: '`taizhang member transfer`；转出和转入组织都须在本账号可登记范围内' })
  @ApiBody({ schema: TRANSFER_BODY })
  async transfer(@CurrentAccount() account: SessionAccount, @Param('id') memberId: string, @Body() body: unknown): Promise<MemberAck> {
    await this.scope.member(account, memberId, 'write');
    const input = parseTransferMember(body, memberId);
    await this.scope.writeOrg(account, input.toOrgId);
    const r = await this.commands.execute(new TransferMemberCommand(input, webMeta(account)));
    return { id: r.memberId, ok: true };
  }

  @Post('members/:id/status')
  @HttpCode(200)
  @ApiOperation({ summary: '党员身份变更（如预备党员转正）', description: '`taizhang member status`' })
  @ApiBody({ schema: STATUS_BODY })
  async status(@CurrentAccount() account: SessionAccount, @Param('id') memberId: string, @Body() body: unknown): Promise<MemberAck> {
    await this.scope.member(account, memberId, 'write');
    const input = parseMemberStatus(body, memberId);
    const r = await this.commands.execute(new ChangeMemberStatusCommand(input, webMeta(account)));
    return { id: r.memberId, ok: true };
  }

  @Post('members/:id/leave')
  @HttpCode(200)
  @ApiOperation({ summary: '党员离开', description: '`taizhang member leave`' })
  @ApiBody({ schema: LEAVE_BODY })
  async leave(@CurrentAccount() account: SessionAccount, @Param('id') memberId: string, @Body() body: unknown): Promise<MemberAck> {
    await this.scope.member(account, memberId, 'write');
    const input = parseMemberLeave(body, memberId);
    const r = await this.commands.execute(new MemberLeaveCommand(input, webMeta(account)));
    return { id: r.memberId, ok: true };
  }
}
