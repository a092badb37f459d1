export * from './imported-activity-id';
export * from './import-scope';
export * from './plan-import';
export * from './run-import';
export * from './import-outcome-json';
