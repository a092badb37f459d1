import type { StoredEvent } from '../../../event-store/src/envelope';
import type { Subscription } from '../../../event-store/src/port';

/**
 * Consumes a subscription with `for await`, handing what arrives to `applyPage` in pages: a page
 * is applied as soon as the events at hand are in (on the next turn of the event loop), or at
 * once when `pageSize` have gathered, and the loop waits for that page before taking more
 * (back-pressure). Pages are applied one at a time, in order. When `applyPage` returns false or
 * throws, the subscription is closed and the consumption ends (rethrowing the error).
 */
export async function consumeInPages(
  subscription: Subscription,
  pageSize: number,
  applyPage: (page: StoredEvent[]) => Promise<boolean>,
): Promise<void> {
  let buffer: StoredEvent[] = [];
  let stopped = false;
  let failure: { error: unknown } | undefined;
  let draining: Promise<void> = Promise.resolve();
  let scheduled = false;

  const drain = (): Promise<void> => {
    draining = draining.then(async () => {
      scheduled = false;
      if (stopped || buffer.length === 0) return;
      const page = buffer;
      buffer = [];
      try {
        if (!(await applyPage(page))) stopped = true;
      } catch (error) {
        failure = { error };
        stopped = true;
      }
      if (stopped) await subscription.close();
    });
    return draining;
  };

  try {
    for await (const event of subscription) {
      if (stopped) break;
      buffer.push(event);
      if (buffer.length >= pageSize) await drain();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(() => void drain());
      }
    }
    await drain();
  } finally {
    await draining;
  }
  if (failure) throw failure.error;
}
