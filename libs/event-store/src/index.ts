export * from './envelope';
export * from './port';
export * from './errors';
export * from './canonical-json';
export * from './hash-chain';
export * from './catch-up-subscription';
export * from './upcasters';
export * from './open-event-store';
