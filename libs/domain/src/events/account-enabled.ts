export const ACCOUNT_ENABLED = 'AccountEnabled';
export const ACCOUNT_ENABLED_VERSION = 1;

/** A disabled account may log in again. */
export interface AccountEnabledData {
  username: string;
}
