import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { checkChangePassword, decidePasswordChange, normalizePassword, normalizeUsername } from '../../../domain/src/accounts';
import type { CommandMeta } from '../command-meta';
import { AccountCommandHandler } from './account-command-handler';
import type { AccountView } from './account-view';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './password-hash';

export interface ChangePasswordInput {
  username: string;
  oldPassword: string;
  newPassword: string;
}

export class ChangePasswordCommand extends Command<{ account: AccountView }> {
  constructor(
    readonly input: ChangePasswordInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

/**
 * An account changing its own password: the old one must be right. Clears `mustChangePassword`.
 * A wrong old password is a ValidationError on `oldPassword` (the server counts it as a failed login).
 */
@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler extends AccountCommandHandler implements ICommandHandler<ChangePasswordCommand> {
  execute({ input, meta }: ChangePasswordCommand): Promise<{ account: AccountView }> {
    return this.attempt(async () => {
      const username = normalizeUsername(input.username);
      const account = username ? await this.ledger.view.getAccount(username) : undefined;
      const oldPassword = typeof input.oldPassword === 'string' ? input.oldPassword : '';
      const oldPasswordMatches = account ? oldPassword !== '' && (await verifyPassword(oldPassword, account.passwordHash)) : await verifyAgainstNothing(oldPassword);
      // The old one matched, so the new one is the current one exactly when the two are the same text.
      const newPasswordIsCurrent =
        oldPasswordMatches && typeof input.newPassword === 'string' && normalizePassword(input.newPassword) === normalizePassword(oldPassword);
      const checked = checkChangePassword(input, { account, oldPasswordMatches, newPasswordIsCurrent });
      const decided = decidePasswordChange(checked.username, await hashPassword(checked.newPassword), false);
      await this.appendToAccount(checked.username, decided, meta, account?.version ?? 'no-stream');
      return { account: await this.viewOf(checked.username) };
    });
  }
}
