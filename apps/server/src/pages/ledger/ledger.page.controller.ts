import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { ListActivitiesQuery } from '../../../../../libs/application/src/queries/list-activities.query';
import { CsrfToken, CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import { FormFields, optionalTextOf, textOf } from '../form-values';
import { PageClock } from '../page-clock';
import { PageOrgs } from '../page-orgs';
import { pageFrame, renderPage } from '../page-render';
import { ledgerModel } from './ledger.view-model';

/** 台账 `/ledger?org=&year=&kind=&month=`: an org's activities of a year, voided ones marked. */
@Controller('ledger')
export class LedgerPageController {
  constructor(
    private readonly queries: QueryBus,
    private readonly orgs: PageOrgs,
    private readonly clock: PageClock,
  ) {}

  @Get()
  async show(@CurrentAccount() account: SessionAccount, @CsrfToken() csrfToken: string, @Query() query: FormFields, @Res() res: Response): Promise<void> {
    const choice = await this.orgs.choose(account, optionalTextOf(query, 'org'));
    const frame = pageFrame('台账', 'ledger', account, csrfToken);
    if (choice.selected === null) return renderPage(res, 'no-org', frame, {});
    const year = this.clock.yearOf(optionalTextOf(query, 'year'));
    const filters = { kind: textOf(query, 'kind'), month: textOf(query, 'month') };
    const { activities } = await this.queries.execute(
      new ListActivitiesQuery({ orgId: choice.selected.id, year, kind: filters.kind || undefined, month: filters.month || undefined, includeVoided: true }),
    );
    renderPage(
      res,
      'ledger',
      frame,
      ledgerModel({
        org: choice.selected,
        orgOptions: choice.options,
        year,
        yearOptions: this.clock.yearOptions(year),
        filters,
        activities,
        canWrite: frame.canWrite,
      }),
    );
  }
}
