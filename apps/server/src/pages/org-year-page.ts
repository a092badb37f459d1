import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { OrgDoc } from '../../../../libs/domain/src';
import type { SessionAccount } from '../auth/session-account';
import { FormFields, optionalTextOf } from './form-values';
import { PageClock, YearOption } from './page-clock';
import { OrgOption, PageOrgs } from './page-orgs';
import { PageFrame, pageFrame, renderPage } from './page-render';

/** The request as a page controller received it. */
export interface PageRequest {
  account: SessionAccount;
  csrfToken: string;
  query: FormFields;
  res: Response;
}

/** The first fields of every org-and-year view: the two choosers and what they show. */
export interface OrgYearHead {
  org: { id: string; name: string };
  orgOptions: OrgOption[];
  year: number;
  yearOptions: YearOption[];
}

/** What a page about one org in one year starts from. */
export interface OrgYearPage {
  frame: PageFrame;
  org: OrgDoc;
  year: number;
  head: OrgYearHead;
}

/** The start shared by 台账, 合规看板, 统计 and 审计: `?org=` and `?year=` read and checked. */
@Injectable()
export class OrgYearPages {
  constructor(
    private readonly orgs: PageOrgs,
    private readonly clock: PageClock,
  ) {}

  /**
   * The org of `?org=` (403 outside the account's scope; else the account's own) and the year of
   * `?year=` (400 when it is not a year; else `defaultYear`, else this year). An account that sees
   * no org at all gets the 'no-org' page: then this answers null and the page is done.
   */
  async open(request: PageRequest, title: string, activePage: string, defaultYear?: string): Promise<OrgYearPage | null> {
    const { account, csrfToken, query, res } = request;
    const choice = await this.orgs.choose(account, optionalTextOf(query, 'org'));
    const frame = pageFrame(title, activePage, account, csrfToken);
    if (choice.selected === null) {
      renderPage(res, 'no-org', frame, {});
      return null;
    }
    const org = choice.selected;
    const year = this.clock.yearOf(optionalTextOf(query, 'year') ?? defaultYear);
    return {
      frame,
      org,
      year,
      head: { org: { id: org.id, name: org.name }, orgOptions: choice.options, year, yearOptions: this.clock.yearOptions(year) },
    };
  }
}
