export * from './open-read-model';
export * from './sqlite-read-model';
export * from './read-model-writer';
export * from './read-model-rebuild';
export * from './rebuild-errors';
export * from './read-model-schema';
export * from './checkpoint';
export * from './open-detached-read-model';
