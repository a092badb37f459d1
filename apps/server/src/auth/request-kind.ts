import type { Request } from 'express';

/** REST requests (JSON in, JSON out) as opposed to pages (HTML, redirects). */
export function isApiRequest(req: Request): boolean {
  const path = req.path;
  return path === '/api' || path.startsWith('/api/');
}

/** Methods that change something: these need the CSRF token. */
export function isMutating(method: string): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE';
}

/**
 * Where to come back to after signing in: only a path on this site (`/…`, never `//host` or a
 * full URL, which would make the login page an open redirect).
 */
export function safeNext(next: unknown, fallback = '/ledger'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next.startsWith('/login') || next.startsWith('/logout')) return fallback;
  return next;
}

/** The client address for throttling (Express honours `trust proxy` when set). */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
