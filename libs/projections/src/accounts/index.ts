export * from './account-doc';
export * from './account-reducer';
