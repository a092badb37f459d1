import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { normalizeUsername } from '../../../domain/src/accounts/credentials';
import type { Ledger } from '../ledger';
import { LEDGER } from '../tokens';
import { AccountView, toAccountView } from './account-view';
import { verifyAgainstNothing, verifyPassword } from './password-hash';

export interface AuthenticateInput {
  username: string;
  password: string;
}

/**
 * Why a login failed. Tell the user the same thing for `unknown` and `bad-password` (so nobody can
 * probe for usernames); `disabled` is only ever reported to someone who knew the password.
 */
export type AuthenticationFailure = 'unknown' | 'bad-password' | 'disabled';

export type AuthenticateResult = { ok: true; account: AccountView } | { ok: false; reason: AuthenticationFailure };

export class AuthenticateQuery extends Query<AuthenticateResult> {
  constructor(readonly input: AuthenticateInput) {
    super();
  }
}

/**
 * Checks a username and password against the read model (caught up first, so a password changed
 * or an account disabled by another process counts at once). An unknown username costs one scrypt
 * as a wrong password does. Throttling repeated failures is the caller's job (the server's).
 */
@QueryHandler(AuthenticateQuery)
export class AuthenticateHandler implements IQueryHandler<AuthenticateQuery> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute({ input }: AuthenticateQuery): Promise<AuthenticateResult> {
    await this.ledger.catchUp();
    const username = normalizeUsername(input.username);
    const password = typeof input.password === 'string' ? input.password : '';
    const doc = username ? await this.ledger.view.getAccount(username) : undefined;
    if (doc === undefined) {
      await verifyAgainstNothing(password);
      return { ok: false, reason: 'unknown' };
    }
    if (!(await verifyPassword(password, doc.passwordHash))) return { ok: false, reason: 'bad-password' };
    if (doc.disabled) return { ok: false, reason: 'disabled' };
    return { ok: true, account: toAccountView(doc) };
  }
}
