import { CompileReportHandler } from './compile-report.command';
import { VerifyReportHandler } from './verify-report.query';

export * from './compile-report.command';
export * from './verify-report.query';

export const REPORT_HANDLERS = [CompileReportHandler, VerifyReportHandler];
