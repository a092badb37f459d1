import type { NextFunction, Request, Response } from 'express';
import { describeError } from './describe-error';
import { wantsPage } from './http-error.filter';

/**
 * Answers a body the parsers refused (malformed JSON, too large) in the API's error shape. Nest
 * would turn it into a bare "Bad Request"; here it becomes `{error: 'invalid-json', message}`.
 * Registered right after the body parsers, so it sees only their errors.
 */
export function bodyErrorHandler(err: unknown, req: Request, res: Response, next: NextFunction): void {
  const described = describeError(err);
  if (described.status !== 400 && described.status !== 413) return next(err);
  if (wantsPage(req)) {
    res.status(described.status).render('error', { title: '无法完成', status: described.status, message: described.message, issues: [] });
    return;
  }
  res.status(described.status).json(described.body);
}
