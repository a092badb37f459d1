export { renderJson } from './render-json';
export { reportJson } from './report-json';
export type { ReportJson, ReportJsonFigure } from './report-json';
