import { ComplianceHandler } from './compliance.query';
import { GetReportHandler } from './get-report.query';
import { HistoryHandler } from './history.query';
import { LateEntriesHandler } from './late-entries.query';
import { ListActivitiesHandler } from './list-activities.query';
import { ListMembersHandler, ListOrgsHandler } from './list-orgs.query';
import { ListReportsHandler } from './list-reports.query';
import { TallyHandler } from './tally.query';
import { VerifyHandler } from './verify.query';

export * from './compliance.query';
export * from './get-report.query';
export * from './history.query';
export * from './late-entries.query';
export * from './list-activities.query';
export * from './list-orgs.query';
export * from './list-reports.query';
export * from './tally.query';
export * from './verify.query';
export * from './as-of';

export const QUERY_HANDLERS = [
  TallyHandler,
  ComplianceHandler,
  LateEntriesHandler,
  HistoryHandler,
  VerifyHandler,
  ListActivitiesHandler,
  ListOrgsHandler,
  ListMembersHandler,
  ListReportsHandler,
  GetReportHandler,
];
