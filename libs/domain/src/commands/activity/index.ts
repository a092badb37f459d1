export * from './activity-input';
export * from './activity-changes';
export * from './activity-input-of';
export * from './members-mentioned';
export * from './normalize-activity';
export { MAX_HOURS_PER_ACTIVITY } from './amounts-input';
