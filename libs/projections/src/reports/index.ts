export * from './report-record';
export * from './report-reducer';
