import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideDisableAccount, hasWholeLedgerScope, normalizeUsername } from '../../../domain/src/accounts';
import type { CommandMeta } from '../command-meta';
import { AccountCommandHandler } from './account-command-handler';
import type { AccountView } from './account-view';

export interface DisableAccountInput {
  username: string;
  reason?: string | null;
}

export class DisableAccountCommand extends Command<{ account: AccountView }> {
  constructor(
    readonly input: DisableAccountInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

/** Disables an account (it can no longer log in; the server ends its sessions on their next request). */
@CommandHandler(DisableAccountCommand)
export class DisableAccountHandler extends AccountCommandHandler implements ICommandHandler<DisableAccountCommand> {
  execute({ input, meta }: DisableAccountCommand): Promise<{ account: AccountView }> {
    return this.attempt(async () => {
      const username = normalizeUsername(input.username);
      const accounts = await this.ledger.view.listAccounts();
      const account = accounts.find((a) => a.username === username);
      const otherWholeLedgerAdmins = accounts.filter((a) => a.username !== username && hasWholeLedgerScope(a)).length;
      const decided = decideDisableAccount(input, { account, otherWholeLedgerAdmins });
      await this.appendToAccount(username, decided, meta, account?.version ?? 'no-stream');
      return { account: await this.viewOf(username) };
    });
  }
}
