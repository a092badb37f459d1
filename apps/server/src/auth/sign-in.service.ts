import { Injectable } from '@nestjs/common';
import { normalizeUsername } from '../../../../libs/domain/src/accounts/credentials';
import { AccountSource } from './account-source';
import { LoginThrottle, minutesToWait } from './login-throttle';
import type { SessionAccount } from './session-account';
import { Session, SessionStore } from './session-store';

export type SignInResult =
  | { ok: true; session: Session; account: SessionAccount }
  | { ok: false; error: 'bad-credentials' | 'account-disabled'; message: string }
  | { ok: false; error: 'throttled'; message: string; retryAfterSeconds: number };

export const BAD_CREDENTIALS_MESSAGE = '用户名或密码错误';
export const ACCOUNT_DISABLED_MESSAGE = '账号已停用，请联系管理员';

/**
 * Signing in, shared by the API and the login form: throttle first (a throttled guess is not
 * even checked), then the password, then a brand-new session (never the one the browser came
 * with, so a planted session id is worthless). Unknown user and wrong password
 * read the same, so the answer does not reveal which usernames exist (a disabled account is named as
 * such only after its right password).
 */
@Injectable()
export class SignInService {
  constructor(
    private readonly accounts: AccountSource,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
  ) {}

  async signIn(username: unknown, password: unknown, address: string, previousSessionId?: string): Promise<SignInResult> {
    const key = normalizeUsername(typeof username === 'string' ? username : '');
    const verdict = this.throttle.check(key, address);
    if (!verdict.allowed) {
      const minutes = minutesToWait(verdict.retryAfterMs);
      return {
        ok: false,
        error: 'throttled',
        message: `登录失败次数过多，请 ${minutes} 分钟后再试`,
        retryAfterSeconds: Math.ceil(verdict.retryAfterMs / 1000),
      };
    }
    const result = key === '' || typeof password !== 'string' || password === '' ? undefined : await this.accounts.authenticate(key, password);
    if (result?.ok === false && result.reason === 'disabled') {
      // Only someone who knew the password learns this, so it may say what is wrong.
      return { ok: false, error: 'account-disabled', message: ACCOUNT_DISABLED_MESSAGE };
    }
    if (!result?.ok) {
      this.throttle.recordFailure(key, address);
      return { ok: false, error: 'bad-credentials', message: BAD_CREDENTIALS_MESSAGE };
    }
    this.throttle.recordSuccess(key);
    if (previousSessionId) this.sessions.end(previousSessionId);
    return { ok: true, session: this.sessions.create(result.account.username), account: result.account };
  }
}
