/**
 * Lets timers and I/O run between pages: the SQLite store answers `readAll` synchronously, so
 * without this a long catch-up or rebuild would hold a server's event loop for its whole length.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}
