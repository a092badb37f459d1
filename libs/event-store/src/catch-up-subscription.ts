import { StoredEvent } from './envelope';
import { EventStore, SubscribeOptions, Subscription } from './port';

/**
 * A catch-up subscription over any store that can page through `readAll`: it reads history in
 * pages, then polls for new events. Adapters with push notifications may offer their own.
 */
export function pollingSubscription(store: Pick<EventStore, 'readAll'>, options: SubscribeOptions = {}): Subscription {
  let position = options.fromPosition ?? 0n;
  let closed = false;
  let wake: (() => void) | undefined;
  const pollMs = options.pollIntervalMs ?? 200;

  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function* run(): AsyncGenerator<StoredEvent> {
    while (!closed) {
      const page = await store.readAll({ fromPosition: position, maxCount: 500, filter: options.filter });
      if (page.length === 0) {
        // Filtered reads may skip past unmatched events; the head of the page tells nothing then.
        await sleep();
        continue;
      }
      for (const event of page) {
        if (closed) return;
        position = event.globalPosition;
        yield event;
      }
    }
  }

  const iterator = run();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      closed = true;
      wake?.();
      await iterator.return(undefined);
    },
  };
}
