import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { checkCreateAccount, decideCreateAccount } from '../../../domain/src/accounts';
import type { CommandMeta } from '../command-meta';
import { AccountCommandHandler } from './account-command-handler';
import { generatePassword } from './generate-password';
import { hashPassword } from './password-hash';

/** The account the first start creates. */
export const FIRST_ADMIN_USERNAME = 'admin';

export type EnsureAdminResult =
  | {
      created: true;
      username: typeof FIRST_ADMIN_USERNAME;
      /** Print it once (it is stored only as a hash). */
      password: string;
      /** True when generated: a one-time password the admin must change at first login. */
      generated: boolean;
    }
  | { created: false };

export class EnsureAdminCommand extends Command<EnsureAdminResult> {
  constructor(
    /** The password to give the first admin (e.g. `TAIZHANG_ADMIN_PASSWORD`); omitted: generated. */
    readonly input: { password?: string } = {},
    readonly meta: CommandMeta = { actor: 'system', source: 'system' },
  ) {
    super();
  }
}

/**
 * On a ledger with no account at all, creates `admin` (role admin, the whole ledger). Otherwise
 * does nothing. Safe when two processes start at once: both append to `account-admin` expecting
 * no stream, so one wins; the other's conflict is retried, finds an account and creates nothing.
 */
@CommandHandler(EnsureAdminCommand)
export class EnsureAdminHandler extends AccountCommandHandler implements ICommandHandler<EnsureAdminCommand> {
  execute({ input, meta }: EnsureAdminCommand): Promise<EnsureAdminResult> {
    const generated = input.password === undefined;
    const password = input.password ?? generatePassword();
    return this.attempt(async () => {
      const view = this.ledger.view;
      if ((await view.countAccounts()) > 0) return { created: false };
      const account = checkCreateAccount(
        { username: FIRST_ADMIN_USERNAME, password, role: 'admin', orgId: null, mustChangePassword: generated },
        { existing: await view.getAccount(FIRST_ADMIN_USERNAME) },
      );
      await this.appendToAccount(account.username, decideCreateAccount(account, await hashPassword(account.password)), meta, 'no-stream');
      return { created: true, username: FIRST_ADMIN_USERNAME, password, generated };
    });
  }
}
