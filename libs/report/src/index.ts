export * from './fill/placeholder-scanner';
export * from './fill/blank-classifier';
