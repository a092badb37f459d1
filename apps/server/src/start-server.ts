import 'reflect-metadata';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import hbs from 'hbs';
import { loadDemo } from '../../../libs/application/src/demo/load-demo';
import type { Ledger } from '../../../libs/application/src/ledger';
import { Clock, CLOCK, LEDGER } from '../../../libs/application/src/tokens';
import { chinaDateOf, yearOf } from '../../../libs/domain/src/civil-date';
import { setupApi } from './api/setup-api';
import { AppModule } from './app.module';
import { ensureDemoAccounts, ensureFirstAdmin } from './auth/first-start';
import { bodyErrorHandler } from './errors/body-error.middleware';
import { gracefulCloser } from './graceful-close';
import { requestLog } from './request-log';
import { serverAssetsDir } from './server-assets';
import type { ServerOptions } from './server-options';

/** JSON and form bodies (files go through multipart, which the upload routes parse themselves). */
const BODY_LIMIT = '1mb';

export interface RunningServer {
  url: string;
  port: number;
  app: NestExpressApplication;
  /** Stops accepting connections, lets in-flight requests finish, then closes the store. */
  close(): Promise<void>;
}

/**
 * Boots the server on the given store and starts listening (port 0 = any free port, for tests).
 * Before the first request: the first admin account (and with `demo`, the demo ledger and its
 * accounts) exists.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const announce = options.announce ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    logger: ['error', 'warn'],
    abortOnError: false,
    // Registered below, so their errors can be answered in the API's shape.
    bodyParser: false,
  });
  setupApi(app); // REST API: 1 MB JSON bodies and the OpenAPI docs at /api/docs (api engineer)
  const stopHttp = gracefulCloser(app.getHttpServer());
  try {
    const assets = serverAssetsDir();
    app.disable('x-powered-by');
    if (options.trustProxy) app.set('trust proxy', true);
    app.use(securityHeaders);
    if (options.logRequests) app.use(requestLog((line) => process.stdout.write(`${line}\n`)));
    app.useBodyParser('json', { limit: BODY_LIMIT });
    app.useBodyParser('urlencoded', { extended: true, limit: BODY_LIMIT });
    app.use(bodyErrorHandler);
    app.useStaticAssets(join(assets, 'public'), { prefix: '/static/' });
    app.setBaseViewsDir(join(assets, 'views'));
    app.setViewEngine('hbs');
    await registerPartials(join(assets, 'views', 'partials'));
    await app.init();
    await firstStart(app, options, announce);
    await app.listen(options.port, options.host);
  } catch (err) {
    await app.close().catch(() => undefined);
    throw err;
  }
  const address = app.getHttpServer().address() as { port: number };
  const host = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    app,
    // HTTP first (in-flight requests finish against an open store), then Nest (which closes the store).
    close: () => (closing ??= stopHttp().then(() => app.close())),
  };
}

async function firstStart(app: NestExpressApplication, options: ServerOptions, announce: (line: string) => void): Promise<void> {
  const commands = app.get(CommandBus);
  const ledger = app.get<Ledger>(LEDGER);
  await ledger.catchUp();
  await ensureFirstAdmin(commands, options.adminPassword, announce);
  if (!options.demo) return;
  const today = chinaDateOf(app.get<Clock>(CLOCK).now());
  const loaded = await loadDemo(commands, ledger, yearOf(today), today);
  if (loaded.orgs + loaded.members + loaded.activities > 0) {
    announce(`已载入示范台账：组织 ${loaded.orgs} 个，党员 ${loaded.members} 名，活动 ${loaded.activities} 条`);
  }
  await ensureDemoAccounts(commands, app.get(QueryBus), options.demoPassword, announce);
}

/** Partials under views/partials/ (subfolders too), named by their path without `.hbs`: `{{> site-header}}`. */
function registerPartials(dir: string): Promise<void> {
  // hbs accepts a rename option (keep dashes: its default turns them into underscores); its types omit it.
  const register = hbs.registerPartials as unknown as (directory: string, options: { rename(name: string): string }, done: () => void) => void;
  return new Promise((resolve) => register.call(hbs, dir, { rename: (name) => name }, resolve));
}

/** Pages may not be framed (clickjacking) or sniffed into another type; referrers stay on the site. */
function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
  res.setHeader('Referrer-Policy', 'same-origin');
  next();
}
