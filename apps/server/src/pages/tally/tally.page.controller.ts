import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { ListOrgsQuery } from '../../../../../libs/application/src/queries/list-orgs.query';
import { TallyQuery } from '../../../../../libs/application/src/queries/tally.query';
import { CsrfToken, CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import { flagOf, FormFields, queryString, textOf } from '../form-values';
import { OrgYearPages } from '../org-year-page';
import { renderPage } from '../page-render';
import { periodIdOf, periodOptions, rollupMatrix, tallyRows } from './tally.view-model';

/** 统计 `/tally?org=&year=&rollup=&period=`: figures of an org, with its subtree when rolled up. */
@Controller('tally')
export class TallyPageController {
  constructor(
    private readonly queries: QueryBus,
    private readonly pages: OrgYearPages,
  ) {}

  @Get()
  async show(@CurrentAccount() account: SessionAccount, @CsrfToken() csrfToken: string, @Query() query: FormFields, @Res() res: Response): Promise<void> {
    const page = await this.pages.open({ account, csrfToken, query, res }, '统计', 'tally');
    if (page === null) return;
    const { org, year } = page;
    const periodText = textOf(query, 'period');
    const period = periodIdOf(year, periodText);
    const rollup = flagOf(query, 'rollup');
    const tally = await this.queries.execute(new TallyQuery({ orgId: org.id, year, period, rollup }));
    const month = /^\d{4}-(\d{2})$/.exec(tally.period)?.[1];
    const ledgerLink = (kind: string) => `/ledger${queryString({ org: org.id, year, kind, month: month ? Number(month) : undefined })}`;

    let matrix = null;
    if (rollup) {
      const { orgs } = await this.queries.execute(new ListOrgsQuery());
      const children = orgs.filter((o) => o.parentId === org.id).sort((a, b) => (a.id < b.id ? -1 : 1));
      if (children.length > 0) {
        const rows = [{ id: org.id, name: org.name, self: true, metrics: tally.metrics }];
        for (const child of children) {
          const t = await this.queries.execute(new TallyQuery({ orgId: child.id, year, period, rollup: true }));
          rows.push({ id: child.id, name: child.name, self: false, metrics: t.metrics });
        }
        matrix = rollupMatrix(rows, year, periodText);
      }
    }
    const rows = tallyRows(tally.metrics, ledgerLink);
    renderPage(res, 'tally', page.frame, {
      ...page.head,
      periodOptions: periodOptions(periodText),
      periodId: tally.period,
      rollup,
      rows,
      empty: rows.length === 0,
      matrix,
    });
  }
}
