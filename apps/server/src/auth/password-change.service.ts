import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ChangePasswordCommand } from '../../../../libs/application/src/accounts/change-password.command';
import { ValidationError } from '../../../../libs/domain/src/errors';
import { toSessionAccount } from './account-source';
import { LoginThrottle, minutesToWait } from './login-throttle';
import type { SessionAccount } from './session-account';
import { SessionStore } from './session-store';
import { webMeta } from './web-meta';

export type PasswordChangeResult =
  | { ok: true; account: SessionAccount }
  | { ok: false; throttled: { message: string; retryAfterSeconds: number } };

/**
 * A signed-in account choosing a new password (the API and the form). The old password is a
 * password guess like any login, so it goes through the same throttle; on success every other
 * session of the account ends (a stolen session does not outlive the password change).
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly commands: CommandBus,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
  ) {}

  /** Throws ValidationError (wrong old password, weak new one) as the command does. */
  async change(account: SessionAccount, sessionId: string, address: string, oldPassword: string, newPassword: string): Promise<PasswordChangeResult> {
    const verdict = this.throttle.check(account.username, address);
    if (!verdict.allowed) {
      const minutes = minutesToWait(verdict.retryAfterMs);
      return { ok: false, throttled: { message: `密码错误次数过多，请 ${minutes} 分钟后再试`, retryAfterSeconds: Math.ceil(verdict.retryAfterMs / 1000) } };
    }
    try {
      const { account: changed } = await this.commands.execute(
        new ChangePasswordCommand({ username: account.username, oldPassword, newPassword }, webMeta(account)),
      );
      this.sessions.endAllOf(account.username, sessionId);
      return { ok: true, account: toSessionAccount(changed) };
    } catch (err) {
      if (err instanceof ValidationError && err.issues.some((i) => i.field === 'oldPassword') && oldPassword !== '') {
        this.throttle.recordFailure(account.username, address);
      }
      throw err;
    }
  }
}
