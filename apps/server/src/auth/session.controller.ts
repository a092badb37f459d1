import { Body, Controller, Delete, Get, HttpCode, HttpException, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ValidationError } from '../../../../libs/domain/src/errors';
import { AUTH_SETTINGS, AuthSettings } from './auth-settings';
import { bodyText } from './body-text';
import { clearCookie, readCookies, SESSION_COOKIE, setCookie } from './cookies';
import { CurrentAccount } from './current-account.decorator';
import { PasswordChangeService } from './password-change.service';
import { AllowPasswordPending } from './password-pending.decorator';
import { Public } from './public.decorator';
import { clientAddress } from './request-kind';
import type { AuthenticatedRequest, SessionAccount } from './session-account';
import { SessionStore } from './session-store';
import { SignInService } from './sign-in.service';

/** What the API answers about a session: the token to send back as `X-CSRF-Token`, and who is signed in. */
export interface SessionBody {
  csrfToken: string;
  account: SessionAccount;
}

/** Signing in and out over the API (`POST/GET/DELETE /api/session`) and changing one's password. */
@ApiTags('session')
@Controller('api/session')
export class SessionController {
  constructor(
    private readonly signIns: SignInService,
    private readonly sessions: SessionStore,
    private readonly passwords: PasswordChangeService,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  @Public()
  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: '登录：返回 CSRF 令牌并设置会话 Cookie（taizhang_session）' })
  @ApiBody({ schema: { type: 'object', required: ['username', 'password'], properties: { username: { type: 'string' }, password: { type: 'string' } } } })
  async signIn(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionBody> {
    // JSON only: a cross-site HTML form can post urlencoded fields here, but cannot send JSON
    // without a CORS preflight, so nobody can sign a browser into another account (login CSRF).
    if (!req.is('application/json')) {
      throw new HttpException({ error: 'unsupported-media-type', message: '请以 JSON 格式提交用户名和密码', messageEn: 'send application/json' }, 415);
    }
    const username = bodyText(body, 'username');
    const password = bodyText(body, 'password');
    if (username.trim() === '' || password === '') {
      throw new ValidationError([
        ...(username.trim() === '' ? [{ field: 'username', message: '请填写用户名', messageEn: 'username is required' }] : []),
        ...(password === '' ? [{ field: 'password', message: '请填写密码', messageEn: 'password is required' }] : []),
      ]);
    }
    const result = await this.signIns.signIn(username, password, clientAddress(req), readCookies(req)[SESSION_COOKIE]);
    if (!result.ok && result.error === 'throttled') {
      res.setHeader('Retry-After', String(result.retryAfterSeconds));
      throw new HttpException({ error: 'throttled', message: result.message, messageEn: 'too many failed logins, try again later' }, 429);
    }
    if (!result.ok) {
      const messageEn = result.error === 'account-disabled' ? 'the account is disabled' : 'wrong username or password';
      throw new HttpException({ error: result.error, message: result.message, messageEn }, 401);
    }
    setCookie(res, SESSION_COOKIE, result.session.id, this.settings.cookies);
    (req as Request & Partial<AuthenticatedRequest>).account = result.account; // the request log names who signed in
    return { csrfToken: result.session.csrfToken, account: result.account };
  }

  @Get()
  @AllowPasswordPending()
  @ApiOperation({ summary: '当前登录的账号与 CSRF 令牌' })
  current(@Req() req: AuthenticatedRequest): SessionBody {
    return { csrfToken: req.csrfToken, account: req.account };
  }

  @Delete()
  @HttpCode(200)
  @AllowPasswordPending()
  @ApiOperation({ summary: '退出登录' })
  signOut(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): { ok: true } {
    this.sessions.end(req.sessionId);
    clearCookie(res, SESSION_COOKIE, this.settings.cookies);
    return { ok: true };
  }

  @Post('password')
  @HttpCode(200)
  @AllowPasswordPending()
  @ApiOperation({ summary: '修改自己的密码（其他会话随之失效）' })
  @ApiBody({ schema: { type: 'object', required: ['oldPassword', 'newPassword'], properties: { oldPassword: { type: 'string' }, newPassword: { type: 'string' } } } })
  async changePassword(
    @Body() body: unknown,
    @CurrentAccount() account: SessionAccount,
    @Req() req: AuthenticatedRequest & Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ ok: true; account: SessionAccount }> {
    const result = await this.passwords.change(account, req.sessionId, clientAddress(req), bodyText(body, 'oldPassword'), bodyText(body, 'newPassword'));
    if (!result.ok) {
      res.setHeader('Retry-After', String(result.throttled.retryAfterSeconds));
      throw new HttpException({ error: 'throttled', message: result.throttled.message, messageEn: 'too many wrong passwords, try again later' }, 429);
    }
    return { ok: true, account: result.account };
  }
}
