import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

/** The header API clients send the session's CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';
/** The form field pages send it in. */
export const CSRF_FIELD = '_csrf';

/**
 * The token a request presents: the header, else the form field. Multipart forms (uploads) are
 * parsed after the guard runs, so those put it in the query string: `action="…?_csrf={{csrfToken}}"`.
 */
export function presentedCsrfToken(req: Request): string | undefined {
  const header = req.headers[CSRF_HEADER];
  if (typeof header === 'string' && header !== '') return header;
  const body: unknown = req.body;
  if (body && typeof body === 'object' && typeof (body as Record<string, unknown>)[CSRF_FIELD] === 'string') {
    return (body as Record<string, string>)[CSRF_FIELD];
  }
  const query = req.query?.[CSRF_FIELD];
  if (typeof query === 'string' && (req.headers['content-type'] ?? '').startsWith('multipart/form-data')) return query;
  return undefined;
}

/** Compares in constant time, so the token cannot be guessed byte by byte from response times. */
export function tokensMatch(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
