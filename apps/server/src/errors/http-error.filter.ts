import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isApiRequest } from '../auth/request-kind';
import { describeError, issuesByField } from './describe-error';
import { RedirectException } from './redirect.exception';

const PAGE_TITLES: Record<number, string> = { 403: '没有权限', 404: '找不到页面', 409: '数据已变化', 429: '请稍后再试' };

/** A browser asking for a page (not the API, and HTML preferred over JSON). */
export function wantsPage(req: Request): boolean {
  return !isApiRequest(req) && req.accepts(['json', 'html']) === 'html';
}

/**
 * The one place errors become answers: JSON for the API (`{error, message, …}` with the status of
 * describeError), the Chinese error page for browsers, redirects for RedirectException.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(err: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    if (err instanceof RedirectException) {
      if (!res.headersSent) res.redirect(err.status, err.url);
      return;
    }
    const described = describeError(err);
    if (!described.expected) {
      this.logger.error(`${req.method} ${req.originalUrl}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
    if (res.headersSent) return;
    if (!wantsPage(req)) {
      res.status(described.status).json(described.body);
      return;
    }
    if (described.status === 401) {
      res.redirect(302, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    const locals = {
      title: PAGE_TITLES[described.status] ?? (described.status >= 500 ? '出错了' : '无法完成'),
      status: described.status,
      message: described.message,
      issues: described.issues,
      fieldErrors: issuesByField(described.issues),
    };
    res.status(described.status).render('error', locals, (renderErr: Error | null, html?: string) => {
      if (renderErr) {
        this.logger.error(`error view failed: ${renderErr.message}`);
        res.type('text/plain; charset=utf-8').send(described.message);
        return;
      }
      res.send(html);
    });
  }
}
