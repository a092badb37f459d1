import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { normalizeUsername } from '../../../domain/src/accounts/credentials';
import type { Ledger } from '../ledger';
import { LEDGER } from '../tokens';
import { AccountView, toAccountView } from './account-view';

export class GetAccountQuery extends Query<AccountView | null> {
  constructor(readonly input: { username: string }) {
    super();
  }
}

/**
 * One account as it stands now (caught up first), without its hash; null when there is none. The
 * server asks on every request, so a disabled account or a reset password takes effect at once.
 */
@QueryHandler(GetAccountQuery)
export class GetAccountHandler implements IQueryHandler<GetAccountQuery> {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  async execute({ input }: GetAccountQuery): Promise<AccountView | null> {
    await this.ledger.catchUp();
    const username = normalizeUsername(input.username);
    const doc = username ? await this.ledger.view.getAccount(username) : undefined;
    return doc === undefined ? null : toAccountView(doc);
  }
}
