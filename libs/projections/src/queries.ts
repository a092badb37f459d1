/** The ledger's queries (tally, compliance, late entries) over any LedgerView. */
export * from './org-tree';
export * from './tally';
export * from './compliance';
export * from './late-entries';
