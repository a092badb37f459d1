export * from './ledger-view';
export * from './reducers';
export * from './in-memory-ledger';
export * from './as-of';
export * from './runner';
export * from './rebuild';
export * from './sqlite';
export * from './queries';
