import { DEFAULT_STORE_URL } from '../../../libs/event-store/src/open-event-store';
import { DEFAULT_HOST, DEFAULT_PORT, ServerOptions } from './server-options';
import { RunningServer, startServer } from './start-server';

/** Server options that come from the environment (shared by this entry point and `taizhang serve`). */
export function serverOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Pick<ServerOptions, 'adminPassword' | 'demoPassword' | 'secureCookies' | 'trustProxy'> {
  const flag = (value: string | undefined) => value === '1' || value === 'true';
  return {
    adminPassword: env.TAIZHANG_ADMIN_PASSWORD || undefined,
    demoPassword: env.TAIZHANG_DEMO_PASSWORD || undefined,
    secureCookies: flag(env.TAIZHANG_SECURE_COOKIES),
    trustProxy: flag(env.TAIZHANG_TRUST_PROXY),
  };
}

/**
 * On SIGINT/SIGTERM: stop accepting, let in-flight requests finish, close the store, exit 0. A
 * second signal while that is under way exits at once (1).
 */
export function stopOnSignals(server: RunningServer, onStopped: (code: number) => void = (code) => process.exit(code)): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return onStopped(1);
    stopping = true;
    server.close().then(
      () => onStopped(0),
      (err: unknown) => {
        process.stderr.write(`关闭服务时出错：${err instanceof Error ? err.message : String(err)}\n`);
        onStopped(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** `node dist/apps/server/src/main.js`: the server alone, configured from the environment. */
async function main(): Promise<void> {
  const server = await startServer({
    storeUrl: process.env.TAIZHANG_STORE || DEFAULT_STORE_URL,
    readStoreUrl: process.env.TAIZHANG_READ_STORE || undefined,
    port: Number(process.env.PORT || DEFAULT_PORT),
    host: process.env.HOST || DEFAULT_HOST,
    demo: process.env.TAIZHANG_DEMO === '1',
    logRequests: true,
    ...serverOptionsFromEnv(),
  });
  process.stdout.write(`台账服务已启动：${server.url}\n`);
  stopOnSignals(server);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`台账服务启动失败：${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
