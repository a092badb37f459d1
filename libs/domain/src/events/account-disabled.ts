export const ACCOUNT_DISABLED = 'AccountDisabled';
export const ACCOUNT_DISABLED_VERSION = 1;

/** The account may no longer log in or act; its history stays, and it can be enabled again. */
export interface AccountDisabledData {
  username: string;
  reason: string | null;
}
