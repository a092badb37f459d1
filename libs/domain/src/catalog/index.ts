export * from './org-kinds';
export * from './activity-kinds';
export * from './compliance-rules';
export * from './labels';
