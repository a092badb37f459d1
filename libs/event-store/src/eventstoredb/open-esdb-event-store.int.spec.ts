import { createServer, Server } from 'node:net';
import { openEsdbEventStore } from './open-esdb-event-store';
import { parseEsdbUrl } from './esdb-url';

/** A port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('openEsdbEventStore (no server needed)', () => {
  it('fails on opening when no server answers, naming the address but not the password', async () => {
    const port = await closedPort();
    const location = parseEsdbUrl(`esdb://admin:topsecret@127.0.0.1:${port}?tls=false`);

    const error = await openEsdbEventStore(location).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toContain(`127.0.0.1:${port}`);
    expect(error?.message).toContain('无法连接 EventStoreDB');
    expect(error?.message).not.toContain('topsecret');
  });
});
