import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ComplianceQuery } from '../../../../../libs/application/src/queries/compliance.query';
import { HistoryQuery, type HistoryResult } from '../../../../../libs/application/src/queries/history.query';
import { LateEntriesQuery } from '../../../../../libs/application/src/queries/late-entries.query';
import { TallyQuery } from '../../../../../libs/application/src/queries/tally.query';
import { CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import { ApiScope } from '../api-scope';
import { QueryFields } from '../input/query-fields';

/**
 * What an org's ledger says: tally, compliance, late entries and the audit history, with the same
 * JSON as the CLI's `--json`. Readable by anyone whose scope holds the org.
 */
@ApiTags('统计与审计 ledger')
@Controller('api/orgs/:id')
export class OrgLedgerController {
  constructor(
    private readonly queries: QueryBus,
    private readonly scope: ApiScope,
  ) {}

  @Get('tally')
  @ApiOperation({ summary: '统计', description: '`taizhang tally --json`：按活动类型、细分和度量汇总一年（或季度、月份）' })
  @ApiQuery({ name: 'year', required: true })
  @ApiQuery({ name: 'period', required: false, description: '2021、2021-Q1 或 2021-03（默认整年）' })
  @ApiQuery({ name: 'rollup', required: false, type: Boolean, description: '包含所有下级组织' })
  @ApiQuery({ name: 'asOf', required: false, description: '按某一时刻的台账统计（审计回放）' })
  async tally(@CurrentAccount() account: SessionAccount, @Param('id') orgId: string, @Query() query: Record<string, unknown>) {
    await this.scope.readOrg(account, orgId);
    const q = new QueryFields(query);
    const input = { orgId, year: q.year() as string, period: q.text('period', '期间'), rollup: q.flag('rollup', '包含下级组织'), asOf: q.text('asOf', '时间点') };
    q.done();
    return this.queries.execute(new TallyQuery(input));
  }

  @Get('compliance')
  @ApiOperation({ summary: '合规检查', description: '`taizhang compliance --json`：逐期列出应开展/已开展次数' })
  @ApiQuery({ name: 'year', required: true })
  @ApiQuery({ name: 'asOf', required: false })
  async compliance(@CurrentAccount() account: SessionAccount, @Param('id') orgId: string, @Query() query: Record<string, unknown>) {
    await this.scope.readOrg(account, orgId);
    const q = new QueryFields(query);
    const input = { orgId, year: q.year() as string, asOf: q.text('asOf', '时间点') };
    q.done();
    return this.queries.execute(new ComplianceQuery(input));
  }

  @Get('history')
  @ApiOperation({ summary: '审计：事件记录', description: '`taizhang history --json`：组织的全部事件（谁、何时、从何处录入、哈希）' })
  @ApiQuery({ name: 'asOf', required: false, description: '只显示该时刻之前记录的事件' })
  async history(@CurrentAccount() account: SessionAccount, @Param('id') orgId: string, @Query() query: Record<string, unknown>): Promise<HistoryResult> {
    await this.scope.readOrg(account, orgId);
    const q = new QueryFields(query);
    const input = { orgId, asOf: q.text('asOf', '时间点') };
    q.done();
    return this.queries.execute(new HistoryQuery(input));
  }

  @Get('late')
  @ApiOperation({ summary: '补录检查', description: '`taizhang late --json`：活动发生后超过 N 天（默认 30）才登记的记录' })
  @ApiQuery({ name: 'year', required: true })
  @ApiQuery({ name: 'days', required: false })
  @ApiQuery({ name: 'rollup', required: false, type: Boolean })
  @ApiQuery({ name: 'asOf', required: false })
  async late(@CurrentAccount() account: SessionAccount, @Param('id') orgId: string, @Query() query: Record<string, unknown>) {
    await this.scope.readOrg(account, orgId);
    const q = new QueryFields(query);
    const input = {
      orgId,
      year: q.year() as string,
      days: q.integer('days', '天数'),
      rollup: q.flag('rollup', '包含下级组织'),
      asOf: q.text('asOf', '时间点'),
    };
    q.done();
    return this.queries.execute(new LateEntriesQuery(input));
  }
}
