import type { AccountRole } from './roles';

/**
 * What the account rules need to know about an existing account. The read model's `AccountDoc`
 * (libs/projections) has these fields and more, so it can be passed as it is.
 */
export interface KnownAccount {
  username: string;
  role: AccountRole;
  /** The org whose subtree the account works in; null for an admin of the whole ledger. */
  orgId: string | null;
  disabled: boolean;
}
