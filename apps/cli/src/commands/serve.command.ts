import { Command } from 'commander';
import { globalOptions } from '../global-options';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../../server/src/server-options';
import { UsageError } from '../report-error';

interface ServeOpts {
  port?: string;
  host?: string;
  demo?: boolean;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(`启动网页服务（默认 http://${DEFAULT_HOST}:${DEFAULT_PORT}；首次启动创建 admin 账号并显示初始密码）`)
    .option('--port <port>', `端口（默认 ${DEFAULT_PORT}；0 表示任选一个空闲端口）`)
    .option('--host <host>', `监听地址（默认 ${DEFAULT_HOST}；供局域网访问可用 0.0.0.0）`)
    .option('--demo', '同时载入示范台账和示范账号 demo-secretary、demo-auditor')
    .action(async (opts: ServeOpts, cmd: Command) => {
      const globals = globalOptions(cmd);
      const port = parsePort(opts.port);
      // Loaded here, not at the top: the other verbs should not pay for the HTTP stack.
      const { startServer } = await import('../../../server/src/start-server');
      const { serverOptionsFromEnv, stopOnSignals } = await import('../../../server/src/main');
      const host = opts.host || DEFAULT_HOST;
      const server = await startServer({ storeUrl: globals.store, readStoreUrl: globals.readStore, port, host, demo: Boolean(opts.demo), logRequests: true, ...serverOptionsFromEnv() }).catch(
        (err: unknown) => {
          if ((err as { code?: unknown }).code === 'EADDRINUSE') {
            throw new Error(`端口 ${port} 已被占用，请用 --port 换一个端口 (port ${port} on ${host} is already in use)`);
          }
          throw err;
        },
      );
      process.stdout.write(`台账服务已启动：${server.url}\n`);
      stopOnSignals(server);
    });
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(`--port must be an integer from 0 to 65535: ${value}`, `--port 须为 0 到 65535 的整数：${value}`);
  }
  return port;
}
