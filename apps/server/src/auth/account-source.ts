import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { AccountView } from '../../../../libs/application/src/accounts/account-view';
import { AuthenticateQuery, AuthenticationFailure } from '../../../../libs/application/src/accounts/authenticate.query';
import { GetAccountQuery } from '../../../../libs/application/src/accounts/get-account.query';
import type { SessionAccount } from './session-account';

/** An account as the guard needs it: what a request may act as, and whether it still may. */
export type KnownAccount = SessionAccount & { disabled: boolean };

export function toSessionAccount(view: AccountView): SessionAccount {
  return {
    username: view.username,
    role: view.role,
    orgId: view.orgId,
    displayName: view.displayName,
    mustChangePassword: view.mustChangePassword,
  };
}

/** The auth layer's one door to the accounts queries (the application layer owns the accounts). */
@Injectable()
export class AccountSource {
  constructor(private readonly queries: QueryBus) {}

  async find(username: string): Promise<KnownAccount | undefined> {
    const view = await this.queries.execute(new GetAccountQuery({ username }));
    return view ? { ...toSessionAccount(view), disabled: view.disabled } : undefined;
  }

  /**
   * The account when the password is right and the account enabled; otherwise why not (`disabled`
   * only when the password was right, so it reveals nothing to a guesser).
   */
  async authenticate(username: string, password: string): Promise<{ ok: true; account: SessionAccount } | { ok: false; reason: AuthenticationFailure }> {
    const result = await this.queries.execute(new AuthenticateQuery({ username, password }));
    return result.ok ? { ok: true, account: toSessionAccount(result.account) } : result;
  }
}
