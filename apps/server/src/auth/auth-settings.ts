import type { CookieFlags } from './cookies';

export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');

/** How the auth layer behaves in this deployment (from ServerOptions). */
export interface AuthSettings {
  cookies: CookieFlags;
}
