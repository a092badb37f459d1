import { DEFAULT_STORE_URL } from '../../../libs/event-store/src/open-event-store';
import { DEFAULT_HOST, DEFAULT_PORT } from './server-options';
import { startServer } from './start-server';

/** `node dist/apps/server/src/main.js`: the server alone, configured from the environment. */
async function main(): Promise<void> {
  const server = await startServer({
    storeUrl: process.env.TAIZHANG_STORE || DEFAULT_STORE_URL,
    port: Number(process.env.PORT || DEFAULT_PORT),
    host: process.env.HOST || DEFAULT_HOST,
    adminPassword: process.env.TAIZHANG_ADMIN_PASSWORD || undefined,
    logRequests: true,
  });
  process.stdout.write(`台账服务已启动：${server.url}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) void main();
