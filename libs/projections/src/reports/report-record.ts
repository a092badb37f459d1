import type { ReportCompiledData } from '../../../domain/src/events/report-compiled';

/**
 * A compiled report as the ledger recorded it: everything its `ReportCompiled` event says, plus
 * where and by whom it was recorded. The read-model document behind `report list` and the
 * starting point of `report verify`.
 */
export interface ReportRecord extends ReportCompiledData {
  /** Id of the `ReportCompiled` event. */
  eventId: string;
  /** Global position of that event, as a decimal string (positions are bigint; documents are JSON). */
  globalPosition: string;
  /** Its version in the `report-<orgId>` stream: verify checks the stream still reaches it. */
  streamVersion: number;
  /** ISO instant the ledger recorded it. */
  recordedAt: string;
  actor: string;
  /** Where it was recorded from (cli, web, import, system). */
  source: string;
}

/** Newest recording first: the order every `listReports` returns. */
export function newestReportFirst(a: ReportRecord, b: ReportRecord): number {
  const pa = BigInt(a.globalPosition);
  const pb = BigInt(b.globalPosition);
  return pa > pb ? -1 : pa < pb ? 1 : 0;
}
