import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { chinaDateOf, ValidationError } from '../../../domain/src';
import { fromCompiledData, fromReportFile, verifyReport, type RecordedReport, type ReportVerification } from '../../../report/src';
import type { Ledger } from '../ledger';
import { LEDGER } from '../tokens';

/** Either a report file's parsed JSON or the id of a recorded report. */
export type VerifyReportInput = { file: unknown } | { reportId: string };

export class VerifyReportQuery extends Query<ReportVerification> {
  constructor(readonly input: VerifyReportInput) {
    super();
  }
}

/**
 * Re-checks a report against the ledger: as it stood at the report's recorded position (does the
 * report say what the ledger said?) and as it stands now (what changed since, and which events).
 */
@QueryHandler(VerifyReportQuery)
export class VerifyReportHandler implements IQueryHandler<VerifyReportQuery> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute({ input }: VerifyReportQuery): Promise<ReportVerification> {
    await this.ledger.catchUp();
    const recorded = await this.recordedReport(input);
    return verifyReport(this.ledger.store, this.ledger.view, recorded);
  }

  private async recordedReport(input: VerifyReportInput): Promise<RecordedReport> {
    if ('file' in input) return fromReportFile(input.file);
    const reportId = input.reportId.trim();
    const record = reportId ? await this.ledger.view.getReport(reportId) : undefined;
    if (!record) throw ValidationError.of('reportId', `报告不存在：${reportId}`, `unknown report: ${reportId}`);
    return fromCompiledData(record, chinaDateOf(record.recordedAt));
  }
}
