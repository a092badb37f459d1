import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { CommandMeta } from '../../../../libs/application/src/command-meta';
import type { AuthenticatedRequest, SessionAccount } from './session-account';

/** The metadata of a command issued over the web: the signed-in account is the actor. */
export function webMeta(account: SessionAccount, extra?: Record<string, string>): CommandMeta {
  return { actor: account.username, source: 'web', ...(extra ? { extra } : {}) };
}

/** `@WebMeta() meta: CommandMeta` — the same, straight into a controller method. */
export const WebMeta = createParamDecorator((_data: unknown, ctx: ExecutionContext): CommandMeta => {
  return webMeta(ctx.switchToHttp().getRequest<AuthenticatedRequest>().account);
});
