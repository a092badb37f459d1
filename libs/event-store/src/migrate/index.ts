export * from './migration-error';
export * from './store-chains';
export * from './migrate-store';
