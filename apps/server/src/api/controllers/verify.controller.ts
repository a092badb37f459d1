import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { VerifyQuery, type VerifyResult } from '../../../../../libs/application/src/queries/verify.query';
import { CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import { ApiScope } from '../api-scope';
import { QueryFields } from '../input/query-fields';
import { mergeVerifyResults } from '../merge-verify-results';

/** Hash-chain verification: the whole ledger for an unscoped admin, else every org in the account's scope. */
@ApiTags('统计与审计 ledger')
@Controller('api/verify')
export class VerifyController {
  constructor(
    private readonly queries: QueryBus,
    private readonly scope: ApiScope,
  ) {}

  @Get()
  @ApiOperation({
    summary: '完整性校验',
    description: '`taizhang verify --json`：重新计算哈希链，指出第一条被改动的记录。链断裂时仍为 200，`ok: false`。',
  })
  @ApiQuery({ name: 'orgId', required: false, description: '只校验一个组织（默认：本账号范围内的全部组织）' })
  async verify(@CurrentAccount() account: SessionAccount, @Query() query: Record<string, unknown>): Promise<VerifyResult> {
    const q = new QueryFields(query);
    const orgId = q.text('orgId', '组织编号');
    q.done();
    if (orgId !== undefined) {
      await this.scope.readOrg(account, orgId);
      return this.queries.execute(new VerifyQuery({ orgId }));
    }
    const readable = await this.scope.readableOrgIds(account);
    if (readable === null) return this.queries.execute(new VerifyQuery({}));
    const results: VerifyResult[] = [];
    for (const id of [...readable].sort()) results.push(await this.queries.execute(new VerifyQuery({ orgId: id })));
    return mergeVerifyResults(results);
  }
}
