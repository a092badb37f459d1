export * from './migrate-ledger';
export * from './verify-migration';
export * from './compare-ledger-tallies';
export * from './replayed-ledger';
export * from './same-store';
