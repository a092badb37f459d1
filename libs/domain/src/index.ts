export * from './catalog';
export * from './events';
export * from './activity';
export * from './civil-date';
export * from './errors';
export * from './state';
export * from './commands';
export * from './accounts';
