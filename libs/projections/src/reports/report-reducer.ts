import type { StoredEvent } from '../../../event-store/src/envelope';
import { REPORT_COMPILED, ReportCompiledData } from '../../../domain/src/events/report-compiled';
import type { ReportRecord } from './report-record';

/**
 * Folds one (upcast) event into a report's record. A report is recorded once and never changes:
 * the first `ReportCompiled` for a report id makes the record, and a later one under the same id
 * (the command stores none, its event id being derived from the report id) leaves it as it was,
 * so what an auditor reads is what was first submitted.
 */
export function reportReducer(doc: ReportRecord | undefined, event: StoredEvent): ReportRecord | undefined {
  if (event.type !== REPORT_COMPILED || doc !== undefined) return doc;
  const data = event.data as ReportCompiledData;
  return {
    ...data,
    eventId: event.eventId,
    globalPosition: event.globalPosition.toString(),
    streamVersion: event.streamVersion,
    recordedAt: event.metadata.recordedAt,
    actor: event.metadata.actor,
    source: event.metadata.source,
  };
}
