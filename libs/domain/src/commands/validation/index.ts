// Public helpers for callers that read user input the same way the deciders do (CLI, forms, import).
// The check* helpers that record issues stay internal to the deciders.
export * from './text';
export { ID_PATTERN, ID_MAX_LENGTH } from './ids';
export { EARLIEST_YEAR, parseDateInput } from './dates';
export type { DateInputProblem, ParsedDateInput } from './dates';
export * from './numbers';
export * from './member-status-input';
export * from './org-kind-input';
export { currentPeriod, wasMemberOn } from './membership';
export { NAME_MAX_LENGTH } from './names';
