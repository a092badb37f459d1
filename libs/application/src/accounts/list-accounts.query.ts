import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Ledger } from '../ledger';
import { LEDGER } from '../tokens';
import { AccountView, toAccountView } from './account-view';

export class ListAccountsQuery extends Query<{ accounts: AccountView[] }> {}

/** Every account, disabled ones included, by username; never with a password hash. */
@QueryHandler(ListAccountsQuery)
export class ListAccountsHandler implements IQueryHandler<ListAccountsQuery> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute(): Promise<{ accounts: AccountView[] }> {
    await this.ledger.catchUp();
    return { accounts: (await this.ledger.view.listAccounts()).map(toAccountView) };
  }
}
