import { accountStreamId } from '../../../domain/src/events/account-created';
import type { DomainEvent } from '../../../domain/src';
import type { ExpectedVersion } from '../../../event-store/src';
import type { AccountDoc } from '../../../projections/src/accounts/account-doc';
import type { CommandMeta } from '../command-meta';
import { LedgerCommandHandler } from '../commands/ledger-command-handler';
import { AccountView, toAccountView } from './account-view';

/** The write shape of every account command: its events go to the account's own stream. */
export abstract class AccountCommandHandler extends LedgerCommandHandler {
  protected async appendToAccount(username: string, decided: readonly DomainEvent[], meta: CommandMeta, expectedVersion: ExpectedVersion): Promise<void> {
    await this.appendTo(accountStreamId(username), decided, meta, expectedVersion);
  }

  /**
   * The account as the read model holds it after this process's own append (`appendTo` catches the
   * read model up), without its hash.
   */
  protected async viewOf(username: string): Promise<AccountView> {
    const doc: AccountDoc | undefined = await this.ledger.view.getAccount(username);
    if (doc === undefined) throw new Error(`account ${username} is missing from the read model after its append`);
    return toAccountView(doc);
  }
}
