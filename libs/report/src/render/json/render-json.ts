import type { CompiledReport } from '../../compile/compiled-report';
import { reportJson } from './report-json';

/** The report file: `reportJson` as pretty JSON (two spaces) ending in a newline. */
export function renderJson(report: CompiledReport): string {
  return `${JSON.stringify(reportJson(report), null, 2)}\n`;
}
