export * from './late-entries';
