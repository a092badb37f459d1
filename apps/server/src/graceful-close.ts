import type { Server } from 'node:http';

/** How long shutdown waits for in-flight requests before cutting the connections. */
const GRACE_MS = 10_000;

/**
 * Prepares an HTTP server for a graceful stop and returns the function that stops it: no new
 * connections, every request already being served completes (so no command is cut off half-way),
 * and keep-alive connections are closed as soon as they are idle instead of lingering until their
 * timeout. Call before closing the store.
 */
export function gracefulCloser(server: Server): () => Promise<void> {
  let closing = false;
  server.on('request', (_req, res) => {
    if (closing && !res.headersSent) res.setHeader('Connection', 'close');
    res.on('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });
  let stopped: Promise<void> | undefined;
  return () => {
    stopped ??= new Promise<void>((resolve) => {
      closing = true;
      if (!server.listening) return resolve();
      const force = setTimeout(() => server.closeAllConnections(), GRACE_MS);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    });
    return stopped;
  };
}
