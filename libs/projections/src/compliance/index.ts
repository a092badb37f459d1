export * from './compliance-result';
export * from './rule-match';
export * from './evaluate-coverage';
export * from './evaluate-compliance';
export * from './compute-compliance';
