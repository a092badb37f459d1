import type { AccountRole } from '../../../domain/src/accounts/roles';

/**
 * A login account as its stream leaves it: the read-model document behind authentication and
 * `user list`. It holds the password hash, so it never leaves the application layer as it is
 * (queries hand out an `AccountView` without it).
 */
export interface AccountDoc {
  username: string;
  role: AccountRole;
  /** The org whose subtree the account works in; null for an admin of the whole ledger. */
  orgId: string | null;
  displayName: string | null;
  passwordHash: string;
  /** Its password was handed to it (generated, or reset by an admin): it must choose its own. */
  mustChangePassword: boolean;
  disabled: boolean;
  /** ISO instant the account was created, and by whom. */
  createdAt: string;
  createdBy: string;
  /** Version of the `account-<username>` stream after the last event seen (for expected-version appends). */
  version: number;
}

/** The order every `listAccounts` returns: by username. */
export function byUsername(a: AccountDoc, b: AccountDoc): number {
  return a.username < b.username ? -1 : a.username > b.username ? 1 : 0;
}
