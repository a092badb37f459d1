import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideEnableAccount, normalizeUsername } from '../../../domain/src/accounts';
import type { CommandMeta } from '../command-meta';
import { AccountCommandHandler } from './account-command-handler';
import type { AccountView } from './account-view';

export class EnableAccountCommand extends Command<{ account: AccountView }> {
  constructor(
    readonly input: { username: string },
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

/** Lets a disabled account log in again. */
@CommandHandler(EnableAccountCommand)
export class EnableAccountHandler extends AccountCommandHandler implements ICommandHandler<EnableAccountCommand> {
  execute({ input, meta }: EnableAccountCommand): Promise<{ account: AccountView }> {
    return this.attempt(async () => {
      const username = normalizeUsername(input.username);
      const account = username ? await this.ledger.view.getAccount(username) : undefined;
      const decided = decideEnableAccount(input, { account });
      await this.appendToAccount(username, decided, meta, account?.version ?? 'no-stream');
      return { account: await this.viewOf(username) };
    });
  }
}
