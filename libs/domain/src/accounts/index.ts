export * from './roles';
export * from './credentials';
export * from './known-account';
export * from './org-scope';
export * from './create-account';
export * from './change-password';
export * from './account-status';
