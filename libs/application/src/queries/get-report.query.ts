import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ValidationError } from '../../../domain/src';
import type { ReportRecord } from '../../../projections/src/reports/report-record';
import type { Ledger } from '../ledger';
import { LEDGER } from '../tokens';

export interface GetReportInput {
  reportId: string;
}

export class GetReportQuery extends Query<ReportRecord> {
  constructor(readonly input: GetReportInput) {
    super();
  }
}

/** One recorded report, as the ledger holds it now. */
@QueryHandler(GetReportQuery)
export class GetReportHandler implements IQueryHandler<GetReportQuery> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute({ input }: GetReportQuery): Promise<ReportRecord> {
    const reportId = typeof input.reportId === 'string' ? input.reportId.trim() : '';
    await this.ledger.catchUp();
    const report = reportId ? await this.ledger.view.getReport(reportId) : undefined;
    if (!report) throw ValidationError.of('reportId', `报告不存在：${reportId}`, `unknown report: ${reportId}`);
    return report;
  }
}
