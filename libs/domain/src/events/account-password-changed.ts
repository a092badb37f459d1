export const ACCOUNT_PASSWORD_CHANGED = 'AccountPasswordChanged';
export const ACCOUNT_PASSWORD_CHANGED_VERSION = 1;

/**
 * An account's password was replaced (only the new hash is recorded). `reset` is true when an
 * admin set it: the account must then choose its own at the next login.
 */
export interface AccountPasswordChangedData {
  username: string;
  passwordHash: string;
  reset: boolean;
}
