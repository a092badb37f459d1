import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { checkResetPassword, decidePasswordChange, normalizeUsername } from '../../../domain/src/accounts';
import type { CommandMeta } from '../command-meta';
import { AccountCommandHandler } from './account-command-handler';
import type { AccountView } from './account-view';
import { generatePassword } from './generate-password';
import { hashPassword } from './password-hash';

export interface ResetPasswordInput {
  username: string;
  /** Omitted: one is generated. */
  newPassword?: string;
}

export interface ResetPasswordResult {
  account: AccountView;
  /** The new password, to hand to the account's owner (shown once, never stored in clear). */
  password: string;
  generated: boolean;
}

export class ResetPasswordCommand extends Command<ResetPasswordResult> {
  constructor(
    readonly input: ResetPasswordInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

/** An admin setting an account's password; the account must change it at its next login. */
@CommandHandler(ResetPasswordCommand)
export class ResetPasswordHandler extends AccountCommandHandler implements ICommandHandler<ResetPasswordCommand> {
  execute({ input, meta }: ResetPasswordCommand): Promise<ResetPasswordResult> {
    const generated = input.newPassword === undefined;
    const newPassword = input.newPassword ?? generatePassword();
    return this.attempt(async () => {
      const username = normalizeUsername(input.username);
      const account = username ? await this.ledger.view.getAccount(username) : undefined;
      const checked = checkResetPassword({ username, newPassword }, { account });
      const decided = decidePasswordChange(checked.username, await hashPassword(checked.newPassword), true);
      await this.appendToAccount(checked.username, decided, meta, account?.version ?? 'no-stream');
      return { account: await this.viewOf(checked.username), password: checked.newPassword, generated };
    });
  }
}
