import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { ListActivitiesQuery } from '../../../../../libs/application/src/queries/list-activities.query';
import { CsrfToken, CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import { FormFields, textOf } from '../form-values';
import { OrgYearPages } from '../org-year-page';
import { renderPage } from '../page-render';
import { ledgerModel } from './ledger.view-model';

/** 台账 `/ledger?org=&year=&kind=&month=`: an org's activities of a year, voided ones marked. */
@Controller('ledger')
export class LedgerPageController {
  constructor(
    private readonly queries: QueryBus,
    private readonly pages: OrgYearPages,
  ) {}

  @Get()
  async show(@CurrentAccount() account: SessionAccount, @CsrfToken() csrfToken: string, @Query() query: FormFields, @Res() res: Response): Promise<void> {
    const page = await this.pages.open({ account, csrfToken, query, res }, '台账', 'ledger');
    if (page === null) return;
    const { org, year, head } = page;
    const filters = { kind: textOf(query, 'kind'), month: textOf(query, 'month') };
    const { activities } = await this.queries.execute(
      new ListActivitiesQuery({ orgId: org.id, year, kind: filters.kind || undefined, month: filters.month || undefined, includeVoided: true }),
    );
    const model = ledgerModel({ org, orgOptions: head.orgOptions, year, yearOptions: head.yearOptions, filters, activities, canWrite: page.frame.canWrite });
    renderPage(res, 'ledger', page.frame, model);
  }
}
