import { AuthenticateHandler } from './authenticate.query';
import { ChangePasswordHandler } from './change-password.command';
import { CreateAccountHandler } from './create-account.command';
import { DisableAccountHandler } from './disable-account.command';
import { EnableAccountHandler } from './enable-account.command';
import { EnsureAdminHandler } from './ensure-admin.command';
import { GetAccountHandler } from './get-account.query';
import { ListAccountsHandler } from './list-accounts.query';
import { ResetPasswordHandler } from './reset-password.command';

export * from './account-view';
export * from './password-hash';
export * from './generate-password';
export * from './create-account.command';
export * from './change-password.command';
export * from './reset-password.command';
export * from './disable-account.command';
export * from './enable-account.command';
export * from './ensure-admin.command';
export * from './authenticate.query';
export * from './list-accounts.query';
export * from './get-account.query';

export const ACCOUNT_HANDLERS = [
  CreateAccountHandler,
  ChangePasswordHandler,
  ResetPasswordHandler,
  DisableAccountHandler,
  EnableAccountHandler,
  EnsureAdminHandler,
  AuthenticateHandler,
  ListAccountsHandler,
  GetAccountHandler,
];
