import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { checkCreateAccount, decideCreateAccount, normalizeUsername } from '../../../domain/src/accounts';
import type { CommandMeta } from '../command-meta';
import { key } from '../commands/ledger-command-handler';
import { AccountCommandHandler } from './account-command-handler';
import type { AccountView } from './account-view';
import { generatePassword } from './generate-password';
import { hashPassword } from './password-hash';

export interface CreateAccountInput {
  username: string;
  /** Omitted (undefined): one is generated and returned once, and must be changed at first login. */
  password?: string;
  /** `admin`, `secretary` or `auditor` (or its Chinese name). */
  role: string;
  /** Required for a secretary or an auditor; null or omitted for an admin of the whole ledger. */
  orgId?: string | null;
  displayName?: string | null;
  /** Defaults to true for a generated password, false for one given. */
  mustChangePassword?: boolean;
}

export interface CreateAccountResult {
  account: AccountView;
  /** The generated password, to show once; null when the caller gave one. */
  generatedPassword: string | null;
}

export class CreateAccountCommand extends Command<CreateAccountResult> {
  constructor(
    readonly input: CreateAccountInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

/**
 * Creates an account in a stream of its own (`account-<username>`, expected to be new, so two
 * creations of one username cannot both succeed). Only the scrypt hash of the password is recorded.
 */
@CommandHandler(CreateAccountCommand)
export class CreateAccountHandler extends AccountCommandHandler implements ICommandHandler<CreateAccountCommand> {
  execute({ input, meta }: CreateAccountCommand): Promise<CreateAccountResult> {
    const generatedPassword = input.password === undefined ? generatePassword() : null;
    const password = generatedPassword ?? input.password;
    const mustChangePassword = input.mustChangePassword ?? generatedPassword !== null;
    return this.attempt(async () => {
      const view = this.ledger.view;
      const username = normalizeUsername(input.username);
      const orgId = key(input.orgId);
      const [existing, org] = await Promise.all([username ? view.getAccount(username) : undefined, orgId ? view.getOrg(orgId) : undefined]);
      const account = checkCreateAccount({ ...input, password, mustChangePassword }, { existing, org });
      const decided = decideCreateAccount(account, await hashPassword(account.password));
      await this.appendToAccount(account.username, decided, meta, 'no-stream');
      return { account: await this.viewOf(account.username), generatedPassword };
    });
  }
}
