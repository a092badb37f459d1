import { Body, Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PASSWORD_MIN_LENGTH } from '../../../../libs/domain/src/accounts/credentials';
import { FieldIssue, ValidationError } from '../../../../libs/domain/src/errors';
import { issuesByField } from '../errors/describe-error';
import { AUTH_SETTINGS, AuthSettings } from './auth-settings';
import { bodyText } from './body-text';
import { clearCookie, LOGIN_CSRF_COOKIE, readCookies, SESSION_COOKIE, setCookie } from './cookies';
import { CSRF_FIELD, tokensMatch } from './csrf';
import { PasswordChangeService } from './password-change.service';
import { AllowPasswordPending } from './password-pending.decorator';
import { Public } from './public.decorator';
import { clientAddress, safeNext } from './request-kind';
import type { AuthenticatedRequest } from './session-account';
import { randomToken, SessionStore } from './session-store';
import { SignInService } from './sign-in.service';

type PageRequest = Request & Partial<AuthenticatedRequest>;

const PASSWORD_FIELDS = ['oldPassword', 'newPassword', 'confirmPassword'];

/** The login token cookie lives as long as a login form may reasonably stay open. */
const LOGIN_CSRF_MAX_AGE_MS = 2 * 60 * 60 * 1000;

/** 登录 / 退出 / 修改密码 pages, and `/` (which sends people to the ledger). */
@ApiExcludeController()
@Controller()
export class SignInPagesController {
  constructor(
    private readonly signIns: SignInService,
    private readonly sessions: SessionStore,
    private readonly passwords: PasswordChangeService,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  @Public()
  @Get()
  root(@Req() req: PageRequest, @Res() res: Response): void {
    res.redirect(302, req.account ? '/ledger' : '/login');
  }

  @Public()
  @Get('login')
  loginPage(@Req() req: PageRequest, @Res() res: Response, @Query('next') next: unknown): void {
    if (req.account) return res.redirect(302, req.account.mustChangePassword ? '/password' : safeNext(next));
    this.renderLogin(req, res, 200, { next: safeNext(next) });
  }

  @Public()
  @Post('login')
  async login(@Req() req: PageRequest, @Res() res: Response, @Body() body: unknown): Promise<void> {
    const username = bodyText(body, 'username');
    const next = safeNext(bodyText(body, 'next'));
    const expected = readCookies(req)[LOGIN_CSRF_COOKIE];
    if (!expected || !tokensMatch(bodyText(body, CSRF_FIELD) || undefined, expected)) {
      return this.renderLogin(req, res, 403, { next, username, error: '登录页面已过期，请重新输入用户名和密码' }, true);
    }
    const result = await this.signIns.signIn(username, bodyText(body, 'password'), clientAddress(req), req.sessionId);
    if (!result.ok) {
      if (result.error === 'throttled') res.setHeader('Retry-After', String(result.retryAfterSeconds));
      return this.renderLogin(req, res, result.error === 'throttled' ? 429 : 401, { next, username, error: result.message });
    }
    setCookie(res, SESSION_COOKIE, result.session.id, this.settings.cookies);
    req.account = result.account; // the request log names who signed in
    clearCookie(res, LOGIN_CSRF_COOKIE, this.settings.cookies);
    res.redirect(303, result.account.mustChangePassword ? '/password' : next);
  }

  @Post('logout')
  @AllowPasswordPending()
  logout(@Req() req: AuthenticatedRequest, @Res() res: Response): void {
    this.sessions.end(req.sessionId);
    clearCookie(res, SESSION_COOKIE, this.settings.cookies);
    res.redirect(303, '/login');
  }

  @Get('password')
  @AllowPasswordPending()
  passwordPage(@Res() res: Response): void {
    this.renderPassword(res, 200, []);
  }

  @Post('password')
  @AllowPasswordPending()
  async changePassword(@Req() req: AuthenticatedRequest & Request, @Res() res: Response, @Body() body: unknown): Promise<void> {
    const oldPassword = bodyText(body, 'oldPassword');
    const newPassword = bodyText(body, 'newPassword');
    if (newPassword !== bodyText(body, 'confirmPassword')) {
      return this.renderPassword(res, 400, [{ field: 'confirmPassword', message: '两次输入的新密码不一致', messageEn: 'the two new passwords differ' }]);
    }
    try {
      const result = await this.passwords.change(req.account, req.sessionId, clientAddress(req), oldPassword, newPassword);
      if (!result.ok) {
        res.setHeader('Retry-After', String(result.throttled.retryAfterSeconds));
        return this.renderPassword(res, 429, [{ field: 'oldPassword', message: result.throttled.message, messageEn: 'throttled' }]);
      }
    } catch (err) {
      if (err instanceof ValidationError) return this.renderPassword(res, 400, err.issues);
      throw err;
    }
    this.sessions.setFlash(req.sessionId, '密码已修改');
    res.redirect(303, '/ledger');
  }

  private renderLogin(
    req: Request,
    res: Response,
    status: number,
    view: { next: string; username?: string; error?: string },
    freshToken = false,
  ): void {
    // Double-submit token for the login form: reuse the browser's (several tabs), or mint one.
    let token = freshToken ? undefined : readCookies(req)[LOGIN_CSRF_COOKIE];
    if (!token) {
      token = randomToken();
      setCookie(res, LOGIN_CSRF_COOKIE, token, this.settings.cookies, LOGIN_CSRF_MAX_AGE_MS);
    }
    res.status(status).render('login', { title: '登录', loginCsrf: token, bodyClass: 'signed-out', ...view });
  }

  private renderPassword(res: Response, status: number, issues: FieldIssue[]): void {
    // Issues about the three fields show beside them; anything else (e.g. the account) above the form.
    const otherIssues = issues.filter((i) => !PASSWORD_FIELDS.includes(i.field));
    res.status(status).render('password', { title: '修改密码', otherIssues, fieldErrors: issuesByField(issues), minLength: PASSWORD_MIN_LENGTH });
  }
}
