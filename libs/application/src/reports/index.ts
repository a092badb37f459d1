import { CompileReportHandler } from './compile-report.command';
import { FillDraftHandler } from './fill-draft.query';
import { VerifyReportHandler } from './verify-report.query';

export * from './compile-report.command';
export * from './verify-report.query';
export * from './fill-draft.query';

export const REPORT_HANDLERS = [CompileReportHandler, VerifyReportHandler, FillDraftHandler];
