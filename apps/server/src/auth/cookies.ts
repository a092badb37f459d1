import type { Request, Response } from 'express';

/** The session cookie: an opaque id, HttpOnly so page scripts never see it. */
export const SESSION_COOKIE = 'taizhang_session';
/**
 * The login form's double-submit token: set by GET /login, echoed as `_csrf` by the form. A
 * cross-site page can neither read it nor (SameSite=Lax) have it sent with its POST, so nobody can
 * sign a browser into an attacker's account.
 */
export const LOGIN_CSRF_COOKIE = 'taizhang_login_csrf';

export interface CookieFlags {
  /** Only over https (behind a TLS proxy, or when the request itself is secure). */
  secure: boolean;
}

/** The cookies of a request, parsed from its header (no cookie middleware needed for two cookies). */
export function readCookies(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  const header = req.headers.cookie;
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || name in out) continue;
    const raw = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      out[name] = raw;
    }
  }
  return out;
}

/** Sets an HttpOnly, SameSite=Lax cookie for the whole site; a session cookie (no Max-Age) unless told. */
export function setCookie(res: Response, name: string, value: string, flags: CookieFlags, maxAgeMs?: number): void {
  res.cookie(name, value, { httpOnly: true, sameSite: 'lax', path: '/', secure: flags.secure, ...(maxAgeMs === undefined ? {} : { maxAge: maxAgeMs }) });
}

export function clearCookie(res: Response, name: string, flags: CookieFlags): void {
  res.clearCookie(name, { httpOnly: true, sameSite: 'lax', path: '/', secure: flags.secure });
}
