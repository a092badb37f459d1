/** The account a request acts as (never holds the password hash). */
export type AccountRole = 'admin' | 'secretary' | 'auditor';

export interface SessionAccount {
  username: string;
  role: AccountRole;
  /** The org whose subtree the account may see (null: the whole ledger, admins only). */
  orgId: string | null;
  displayName: string | null;
  mustChangePassword: boolean;
}

/** What the auth guard attaches to an authenticated request. */
export interface AuthenticatedRequest {
  account: SessionAccount;
  /** The session's CSRF token: pages put it in every form (`_csrf`), API clients send `X-CSRF-Token`. */
  csrfToken: string;
  sessionId: string;
}
