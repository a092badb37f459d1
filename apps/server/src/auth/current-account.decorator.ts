import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest, SessionAccount } from './session-account';

/** The signed-in account of the request (the auth guard has already refused anonymous ones). */
export const CurrentAccount = createParamDecorator((_data: unknown, ctx: ExecutionContext): SessionAccount => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().account;
});

/** The session's CSRF token, for views that render forms. */
export const CsrfToken = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().csrfToken;
});
