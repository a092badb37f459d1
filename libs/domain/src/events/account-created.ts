import type { AccountRole } from '../accounts/roles';

export const ACCOUNT_CREATED = 'AccountCreated';
export const ACCOUNT_CREATED_VERSION = 1;

/**
 * A login account was created. Only the password's scrypt hash is recorded, never the password.
 * `orgId` is the scope (that org and everything beneath it); null only for an admin of the whole
 * ledger.
 */
export interface AccountCreatedData {
  username: string;
  role: AccountRole;
  orgId: string | null;
  /** `scrypt$N$r$p$salt$hash` (see libs/application/src/accounts/password-hash.ts). */
  passwordHash: string;
  displayName: string | null;
  /**
   * The password was handed out by someone else (generated and printed once): the account must
   * choose its own at the next login.
   */
  mustChangePassword: boolean;
}

/** Every account has a stream of its own, named after its (immutable) username. */
export function accountStreamId(username: string): string {
  return `${ACCOUNT_STREAM_PREFIX}${username}`;
}

export const ACCOUNT_STREAM_PREFIX = 'account-';
