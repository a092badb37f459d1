import 'reflect-metadata';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { requestLog } from './request-log';
import { serverAssetsDir } from './server-assets';
import type { ServerOptions } from './server-options';

export interface RunningServer {
  url: string;
  port: number;
  app: NestExpressApplication;
  /** Stops accepting connections, lets in-flight requests finish, then closes the store. */
  close(): Promise<void>;
}

/** Boots the server on the given store and starts listening (port 0 = any free port, for tests). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  const assets = serverAssetsDir();
  app.disable('x-powered-by');
  if (options.logRequests) app.use(requestLog((line) => process.stdout.write(`${line}\n`)));
  app.useStaticAssets(join(assets, 'public'), { prefix: '/static/' });
  app.setBaseViewsDir(join(assets, 'views'));
  app.setViewEngine('hbs');
  await app.listen(options.port, options.host);
  const address = app.getHttpServer().address() as { port: number };
  const host = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    app,
    close: () => app.close(),
  };
}
