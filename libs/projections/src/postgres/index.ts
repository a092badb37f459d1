export * from './open-postgres-read-model';
export * from './postgres-read-model-view';
export * from './migrate-read-model';
export * from './read-model-rebuild';
export * from './read-model-writer';
