import type { NextFunction, Request, Response } from 'express';

/** One JSON line per request: enough to follow a secretary's session or an auditor's reads in the logs. */
export function requestLog(write: (line: string) => void) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const user = (req as Request & { account?: { username: string } }).account?.username ?? null;
      write(
        JSON.stringify({
          time: new Date().toISOString(),
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
          user,
        }),
      );
    });
    next();
  };
}
