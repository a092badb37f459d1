import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ID_MAX_LENGTH, ID_PATTERN } from '../../../domain/src/commands';
import { IssueList, REPORT_COMPILED, reportStreamId } from '../../../domain/src';
import type { OrgDoc, ReportCompiledData } from '../../../domain/src';
import type { ReportRecord } from '../../../projections/src/reports/report-record';
import type { CommandMeta } from '../command-meta';
import { key, LedgerCommandHandler } from './ledger-command-handler';

export interface RecordReportResult {
  reportId: string;
  /** Global position of the `ReportCompiled` event (bigint in process; a decimal string on the wire). */
  position: bigint;
  /**
   * True when this report id was already recorded for this org: nothing was appended and
   * `position` is the first recording's (which is what the ledger keeps, whatever this one said).
   */
  alreadyRecorded: boolean;
}

/** Records a compiled report in its org's report stream, so it can be listed and verified later. */
export class RecordReportCommand extends Command<RecordReportResult> {
  constructor(
    readonly data: ReportCompiledData,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

/**
 * Appends one `ReportCompiled` to `report-<orgId>`, a stream of its own: recording a report never
 * moves the org stream's version, so it cannot make a concurrent activity log conflict. The event
 * id is derived from the report id, so recording the same report twice (a retry, two clicks)
 * stores it once; the stream's current version is the expected version, and a conflict with
 * another report recorded meanwhile is retried.
 */
@CommandHandler(RecordReportCommand)
export class RecordReportHandler extends LedgerCommandHandler implements ICommandHandler<RecordReportCommand> {
  execute({ data, meta }: RecordReportCommand): Promise<RecordReportResult> {
    const reportId = key(data.reportId);
    const orgId = key(data.orgId);
    return this.attempt(async () => {
      const view = this.ledger.view;
      const [org, existing] = await Promise.all([orgId ? view.getOrg(orgId) : undefined, reportId ? view.getReport(reportId) : undefined]);
      checkReportToRecord(data, reportId, orgId, org, existing);
      if (existing) return { reportId, position: BigInt(existing.globalPosition), alreadyRecorded: true };
      const stream = reportStreamId(orgId);
      const appended = await this.appendTo(
        stream,
        [{ type: REPORT_COMPILED, data: { ...data, reportId, orgId } }],
        meta,
        await this.ledger.store.streamVersion(stream),
        `report:${reportId}:compiled`,
      );
      if (!appended) throw new Error('a report to record produced no event');
      return { reportId, position: appended.lastPosition, alreadyRecorded: appended.alreadyStored };
    });
  }
}

/** Refuses what cannot be recorded, naming every bad field at once (ValidationError). */
function checkReportToRecord(
  data: ReportCompiledData,
  reportId: string,
  orgId: string,
  org: OrgDoc | undefined,
  existing: ReportRecord | undefined,
): void {
  const issues = new IssueList();
  if (reportId === '') issues.add('reportId', '请填写报告编号', 'reportId is required');
  else if (reportId.length > ID_MAX_LENGTH) {
    issues.add('reportId', `报告编号过长（最多${ID_MAX_LENGTH}个字符）：${reportId}`, `reportId is longer than ${ID_MAX_LENGTH} characters`);
  } else if (!ID_PATTERN.test(reportId)) {
    // Report ids end up in stream names, URLs and file names, as other ids do.
    issues.add('reportId', `报告编号只能包含英文字母、数字、下划线和连字符：${reportId}`, `reportId may contain only letters, digits, "_" and "-": ${reportId}`);
  } else if (existing && existing.orgId !== orgId) {
    issues.add('reportId', `报告编号 ${reportId} 已用于组织 ${existing.orgId} 的报告`, `reportId ${reportId} is already recorded for organisation ${existing.orgId}`);
  }
  if (!org) issues.add('orgId', `组织不存在：${orgId}`, `unknown organisation: ${orgId}`);
  if (!Number.isInteger(data.year) || data.year < 1921 || data.year > 9999) {
    issues.add('year', `年份无效：${String(data.year)}`, `invalid year: ${String(data.year)}`);
  }
  issues.throwIfAny();
}
