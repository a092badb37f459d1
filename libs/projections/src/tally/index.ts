export * from './tally-result';
export * from './activity-figures';
export * from './metric-order';
export * from './tally-reducer';
export * from './compute-tally';
