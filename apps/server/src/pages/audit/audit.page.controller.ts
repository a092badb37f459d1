import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { parseAsOf } from '../../../../../libs/application/src/queries/as-of';
import { HistoryQuery } from '../../../../../libs/application/src/queries/history.query';
import { LateEntriesQuery } from '../../../../../libs/application/src/queries/late-entries.query';
import { ListActivitiesQuery } from '../../../../../libs/application/src/queries/list-activities.query';
import { ListReportsQuery } from '../../../../../libs/application/src/queries/list-reports.query';
import { TallyQuery } from '../../../../../libs/application/src/queries/tally.query';
import { VerifyQuery } from '../../../../../libs/application/src/queries/verify.query';
import { chinaDateOf, ValidationError } from '../../../../../libs/domain/src';
import { CsrfToken, CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import { fieldErrorsOf, NO_ERRORS } from '../field-errors';
import { FormFields, queryString, textOf } from '../form-values';
import { chinaDateTime, EVENT_TYPE_LABELS, SOURCE_LABELS } from '../labels';
import { OrgYearPages } from '../org-year-page';
import { renderPage } from '../page-render';
import { lateRows } from '../compliance/compliance.view-model';
import { ledgerModel } from '../ledger/ledger.view-model';
import { reportListRows } from '../reports/reports.view-model';
import { tallyRows } from '../tally/tally.view-model';
import { eventSummary } from './event-summary';

/**
 * 审计 `/audit?org=&asOf=&year=`: the org's stream as stored (who, when, from where), the ledger as
 * it stood at an instant, the hash-chain check, 补录, and the recorded reports to re-verify.
 */
@Controller('audit')
export class AuditPageController {
  constructor(
    private readonly queries: QueryBus,
    private readonly pages: OrgYearPages,
  ) {}

  @Get()
  async show(@CurrentAccount() account: SessionAccount, @CsrfToken() csrfToken: string, @Query() query: FormFields, @Res() res: Response): Promise<void> {
    const asOfText = textOf(query, 'asOf');
    let asOf: string | undefined;
    let errors = NO_ERRORS;
    try {
      asOf = parseAsOf(asOfText);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      errors = fieldErrorsOf(error, { asOf: 'asOf' });
    }
    // Without `?year=` the year of the instant looked back to.
    const page = await this.pages.open({ account, csrfToken, query, res }, '审计', 'audit', asOf ? chinaDateOf(asOf).slice(0, 4) : undefined);
    if (page === null) return;
    const { org, year } = page;
    const [verify, reports] = await Promise.all([
      this.queries.execute(new VerifyQuery({ orgId: org.id })),
      this.queries.execute(new ListReportsQuery({ orgId: org.id })),
    ]);
    // The as-of reads: an instant before the org existed is a message on the page, not an error page.
    const asOfReads = await Promise.all([
      this.queries.execute(new HistoryQuery({ orgId: org.id, asOf })),
      this.queries.execute(new LateEntriesQuery({ orgId: org.id, year, asOf })),
      this.queries.execute(new ListActivitiesQuery({ orgId: org.id, year, asOf, includeVoided: true })),
      this.queries.execute(new TallyQuery({ orgId: org.id, year, asOf })),
    ]).catch((error: unknown) => {
      if (!(error instanceof ValidationError)) throw error;
      errors = fieldErrorsOf(error, { asOf: 'asOf', year: 'year' });
      return null;
    });
    const [history, late, activities, tally] = asOfReads ?? [
      { events: [], stream: '' },
      { entries: [], days: 30, org: org.id, year },
      { activities: [] },
      { metrics: [] },
    ];
    const ledger = ledgerModel({ org, orgOptions: [], year, yearOptions: [], filters: { kind: '', month: '' }, activities: activities.activities, canWrite: false });
    renderPage(res, 'audit', page.frame, {
      ...page.head,
      asOf: asOfText,
      asOfShown: asOf ? chinaDateTime(asOf) : null,
      errors,
      events: history.events.map((e) => ({
        version: e.streamVersion,
        position: e.globalPosition,
        recordedAt: chinaDateTime(e.recordedAt),
        actor: e.actor,
        source: SOURCE_LABELS[e.source] ?? e.source,
        typeName: EVENT_TYPE_LABELS[e.type] ?? e.type,
        hash: e.hash.slice(0, 12),
        ...eventSummary(e.type, e.data),
      })),
      verify: {
        ok: verify.ok,
        events: verify.events,
        stream: verify.stream ?? null,
        version: verify.version ?? null,
        eventId: verify.eventId ?? null,
        reason: verify.reason ?? null,
        head: verify.heads[history.stream]?.hash.slice(0, 16) ?? null,
      },
      ledger: ledger.rows,
      ledgerSummary: ledger.summary,
      tally: tallyRows(tally.metrics, (kind) => `/ledger${queryString({ org: org.id, year, kind })}`),
      late: lateRows(late),
      lateDays: late.days,
      reports: reportListRows(reports.reports),
    });
  }
}
