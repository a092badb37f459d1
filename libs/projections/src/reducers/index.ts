export * from './org-reducer';
export * from './member-reducer';
export * from './activity-reducer';
export * from './route-event';
export * from './stream-org';
export * from './apply-ledger-event';
