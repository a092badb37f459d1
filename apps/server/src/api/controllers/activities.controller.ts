import { Body, Controller, Get, HttpCode, HttpException, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CorrectActivityCommand,
  LogActivityCommand,
  VoidActivityCommand,
} from '../../../../../libs/application/src/commands/activity.commands';
import { ListActivitiesQuery, type ListActivitiesResult } from '../../../../../libs/application/src/queries/list-activities.query';
import { ValidationError, type ActivityDoc } from '../../../../../libs/domain/src';
import { CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import { webMeta } from '../../auth/web-meta';
import { CORRECTION_BODY, LOG_ACTIVITY_BODY, REASON_BODY } from '../api-docs-schemas';
import { ApiScope } from '../api-scope';
import { parseCorrection, parseLogActivity, parseVoid } from '../input/activity-body';
import { QueryFields } from '../input/query-fields';

/**
 * Activities: log (idempotent under a client-chosen id), correct and void with a reason, read one,
 * list an org's year. Writes need the activity's org in the account's write scope.
 */
@ApiTags('活动 activities')
@Controller('api')
export class ActivitiesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly scope: ApiScope,
  ) {}

  @Post('activities')
  @ApiOperation({
    summary: '登记活动',
    description:
      '`taizhang log --json`。新登记：201 `{id, alreadyLogged: false}`；同一 `id` 以相同内容重试：200 `{id, alreadyLogged: true}`，不会重复登记；' +
      '同一 `id` 已用于另一条活动：409。',
  })
  @ApiBody({ schema: LOG_ACTIVITY_BODY })
  async log(
    @CurrentAccount() account: SessionAccount,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ id: string; alreadyLogged: boolean }> {
    await this.scope.refuseReadOnly(account);
    const input = parseLogActivity(body);
    await this.scope.writeOrg(account, input.orgId);
    try {
      const result = await this.commands.execute(new LogActivityCommand(input, webMeta(account)));
      if (result.alreadyLogged) res.status(200);
      return { id: result.activityId, alreadyLogged: result.alreadyLogged };
    } catch (err) {
      throw (await this.idTaken(err, input.activityId)) ?? err;
    }
  }

  /**
   * An activity id already used for a different activity is a conflict with what is stored (409),
   * not a malformed request: the client retried with changed content, or must pick another id.
   */
  private async idTaken(err: unknown, activityId: string | null | undefined): Promise<HttpException | undefined> {
    if (!(err instanceof ValidationError) || !err.issues.some((i) => i.field === 'activityId')) return undefined;
    if (typeof activityId !== 'string' || !(await this.scope.activityExists(activityId.trim()))) return undefined;
    const message = err.issues.map((i) => i.message).join('；');
    return new HttpException({ error: 'conflict', message, messageEn: err.message, issues: err.issues }, 409);
  }

  @Get('activities/:id')
  @ApiOperation({ summary: '一条活动（当前内容及全部更正、作废记录）' })
  async get(@CurrentAccount() account: SessionAccount, @Param('id') id: string): Promise<ActivityDoc> {
    return this.scope.activity(account, id, 'read');
  }

  @Post('activities/:id/corrections')
  @ApiOperation({
    summary: '更正活动',
    description: '`taizhang correct --json`：以新事件记录更正内容和原因，原记录保留。只更正给出的字段。201 `{id, ok}`',
  })
  @ApiBody({ schema: CORRECTION_BODY })
  async correct(@CurrentAccount() account: SessionAccount, @Param('id') id: string, @Body() body: unknown): Promise<{ id: string; ok: true }> {
    await this.scope.activity(account, id, 'write');
    const r = await this.commands.execute(new CorrectActivityCommand(parseCorrection(body, id), webMeta(account)));
    return { id: r.activityId, ok: true };
  }

  @Post('activities/:id/void')
  @HttpCode(200)
  @ApiOperation({ summary: '作废活动', description: '`taizhang void --json`：记录作废原因，原记录保留可查。200 `{id, ok}`' })
  @ApiBody({ schema: REASON_BODY })
  async void(@CurrentAccount() account: SessionAccount, @Param('id') id: string, @Body() body: unknown): Promise<{ id: string; ok: true }> {
    await this.scope.activity(account, id, 'write');
    const r = await this.commands.execute(new VoidActivityCommand(parseVoid(body, id), webMeta(account)));
    return { id: r.activityId, ok: true };
  }

  @Get('orgs/:id/activities')
  @ApiOperation({ summary: '活动台账（一年，已应用更正）', description: '`taizhang list --json`：`{org, year, activities}`' })
  @ApiQuery({ name: 'year', required: true })
  @ApiQuery({ name: 'kind', required: false, description: '活动类型 id 或中文名' })
  @ApiQuery({ name: 'month', required: false, description: '1–12' })
  @ApiQuery({ name: 'includeVoided', required: false, type: Boolean })
  @ApiQuery({ name: 'rollup', required: false, type: Boolean })
  @ApiQuery({ name: 'asOf', required: false, description: '按某一时刻的台账列出' })
  async list(@CurrentAccount() account: SessionAccount, @Param('id') orgId: string, @Query() query: Record<string, unknown>): Promise<ListActivitiesResult> {
    await this.scope.readOrg(account, orgId);
    const q = new QueryFields(query);
    const input = {
      orgId,
      year: q.year(),
      kind: q.text('kind', '活动类型'),
      month: q.integer('month', '月份'),
      includeVoided: q.flag('includeVoided', '包括已作废'),
      rollup: q.flag('rollup', '包含下级组织'),
      asOf: q.text('asOf', '时间点'),
    };
    q.done();
    return this.queries.execute(new ListActivitiesQuery({ ...input, year: input.year as string }));
  }
}
