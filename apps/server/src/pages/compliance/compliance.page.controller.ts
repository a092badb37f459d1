import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { ComplianceQuery } from '../../../../../libs/application/src/queries/compliance.query';
import { LateEntriesQuery } from '../../../../../libs/application/src/queries/late-entries.query';
import { ListMembersQuery, ListOrgsQuery } from '../../../../../libs/application/src/queries/list-orgs.query';
import type { MemberDoc } from '../../../../../libs/domain/src';
import { CsrfToken, CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import type { FormFields } from '../form-values';
import { OrgYearPages } from '../org-year-page';
import { renderPage } from '../page-render';
import { childSummaries, complianceGrid, complianceSummary, coverageRows, lateRows } from './compliance.view-model';

/** 合规看板 `/compliance?org=&year=`: should/did per rule and period, coverage, 补录. */
@Controller('compliance')
export class CompliancePageController {
  constructor(
    private readonly queries: QueryBus,
    private readonly pages: OrgYearPages,
  ) {}

  @Get()
  async show(@CurrentAccount() account: SessionAccount, @CsrfToken() csrfToken: string, @Query() query: FormFields, @Res() res: Response): Promise<void> {
    const page = await this.pages.open({ account, csrfToken, query, res }, '合规看板', 'compliance');
    if (page === null) return;
    const { org, year } = page;
    const [result, late, { orgs }] = await Promise.all([
      this.queries.execute(new ComplianceQuery({ orgId: org.id, year })),
      this.queries.execute(new LateEntriesQuery({ orgId: org.id, year })),
      this.queries.execute(new ListOrgsQuery()),
    ]);
    const names = new Map(orgs.map((o) => [o.id, o.name]));
    const members = new Map<string, MemberDoc>();
    if (result.coverage.length > 0) {
      const ids = [org.id, ...orgs.filter((o) => o.parentId === org.id && o.kind === 'group').map((o) => o.id)];
      for (const id of ids) for (const m of (await this.queries.execute(new ListMembersQuery({ orgId: id }))).members) members.set(m.id, m);
    }
    const children = orgs.filter((o) => o.parentId === org.id && o.kind !== 'group' && o.dissolvedOn === null);
    const childResults = [];
    for (const child of children) childResults.push({ org: child, result: await this.queries.execute(new ComplianceQuery({ orgId: child.id, year })) });
    const grid = complianceGrid(result, names, org.id);
    renderPage(res, 'compliance', page.frame, {
      ...page.head,
      ruleVersion: result.ruleVersion,
      months: Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
      grid,
      noRules: grid.length === 0 && result.coverage.length === 0,
      summary: complianceSummary(result),
      coverage: coverageRows(result, members),
      late: lateRows(late),
      lateDays: late.days,
      children: childSummaries(childResults, year),
    });
  }
}
