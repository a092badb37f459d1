import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ROLE_INFO } from '../../../../libs/domain/src/accounts/roles';
import { RedirectException } from '../errors/redirect.exception';
import { AccountSource } from './account-source';
import { AUTH_SETTINGS, AuthSettings } from './auth-settings';
import { clearCookie, readCookies, SESSION_COOKIE } from './cookies';
import { presentedCsrfToken, tokensMatch } from './csrf';
import { navFor } from './nav';
import { ALLOW_PASSWORD_PENDING } from './password-pending.decorator';
import { IS_PUBLIC } from './public.decorator';
import { isApiRequest, isMutating } from './request-kind';
import type { AuthenticatedRequest, SessionAccount } from './session-account';
import { SessionStore } from './session-store';

type GuardedRequest = Request & Partial<AuthenticatedRequest>;

/**
 * Runs before every route (APP_GUARD). Resolves the session cookie to the account as it is now
 * (a disabled or deleted account loses its session on its next request), then: anonymous → 401
 * (API) or the login page; mutating request without the session's CSRF token → 403; an account
 * that must change its one-time password → only the password page/API and logout.
 * `@Public()` routes pass without a session, but still see one when it exists.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionStore,
    private readonly accounts: AccountSource,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<GuardedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true;

    const signedIn = await this.resolveSession(req, res);
    if (!signedIn) {
      if (isPublic) return true;
      if (isApiRequest(req)) throw new UnauthorizedException({ error: 'unauthenticated', message: '请先登录', messageEn: 'sign in first' });
      const next = req.method === 'GET' ? `?next=${encodeURIComponent(req.originalUrl)}` : '';
      throw new RedirectException(`/login${next}`, req.method === 'GET' ? 302 : 303);
    }
    if (isPublic) return true;

    if (isMutating(req.method) && !tokensMatch(presentedCsrfToken(req), signedIn.csrfToken)) {
      throw new ForbiddenException({
        error: 'csrf',
        message: '页面已过期或缺少安全令牌，请刷新后重试',
        messageEn: 'missing or wrong CSRF token (send the header X-CSRF-Token)',
      });
    }
    if (signedIn.account.mustChangePassword && this.reflector.getAllAndOverride<boolean>(ALLOW_PASSWORD_PENDING, targets) !== true) {
      if (isApiRequest(req)) {
        throw new ForbiddenException({
          error: 'must-change-password',
          message: '请先修改初始密码',
          messageEn: 'change the one-time password first (POST /api/session/password)',
        });
      }
      throw new RedirectException('/password', req.method === 'GET' ? 302 : 303);
    }
    return true;
  }

  /** Attaches account, CSRF token and session id (and the page locals) when the cookie names a live session. */
  private async resolveSession(req: GuardedRequest, res: Response): Promise<{ account: SessionAccount; csrfToken: string } | undefined> {
    const sessionId = readCookies(req)[SESSION_COOKIE];
    const session = this.sessions.touch(sessionId);
    if (!session) {
      if (sessionId) clearCookie(res, SESSION_COOKIE, this.settings.cookies);
      return undefined;
    }
    const account = await this.accounts.find(session.username);
    if (!account || account.disabled) {
      this.sessions.end(session.id);
      clearCookie(res, SESSION_COOKIE, this.settings.cookies);
      return undefined;
    }
    const { disabled: _disabled, ...sessionAccount } = account;
    req.account = sessionAccount;
    req.csrfToken = session.csrfToken;
    req.sessionId = session.id;
    // Every page's layout shows who is signed in, the menu for their role and the logout form.
    res.locals.account = sessionAccount;
    res.locals.csrfToken = session.csrfToken;
    res.locals.roleName = ROLE_INFO[sessionAccount.role].name;
    // Until the one-time password is changed, the menu would only lead back to the password page.
    res.locals.nav = sessionAccount.mustChangePassword ? [] : navFor(sessionAccount, req.path);
    if (req.method === 'GET' && !isApiRequest(req)) res.locals.flash = this.sessions.takeFlash(session.id);
    return { account: sessionAccount, csrfToken: session.csrfToken };
  }
}
