import type { AccountDoc } from '../../../projections/src/accounts/account-doc';

/** An account as queries hand it out: everything but the password hash, which never leaves the application layer. */
export type AccountView = Omit<AccountDoc, 'passwordHash'>;

export function toAccountView(doc: AccountDoc): AccountView {
  const { passwordHash: _hidden, ...view } = doc;
  return view;
}
