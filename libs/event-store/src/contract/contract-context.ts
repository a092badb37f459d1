import { StoredEvent } from '../envelope';
import { EventStore, Subscription } from '../port';

/** What each part of the contract suite reaches during a test (set up by event-store.contract.ts). */
export interface ContractContext {
  readonly store: EventStore;
  openAnother(): Promise<EventStore>;
}

/** The error a promise rejects with; fails the test when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to be refused, but it succeeded');
}

/** The global positions of events, for order checks. */
export function positionsOf(events: readonly StoredEvent[]): bigint[] {
  return events.map((e) => e.globalPosition);
}

/** True when every position is greater than the one before it. */
export function strictlyIncreasing(positions: readonly bigint[]): boolean {
  return positions.every((p, i) => i === 0 || p > positions[i - 1]);
}

/** Consumes a subscription in the background; `until(n)` resolves once n events have arrived. */
export interface Collector {
  readonly received: StoredEvent[];
  /** Resolves when the consuming loop ends (after `close()`), rejects if the subscription failed. */
  readonly done: Promise<void>;
  until(count: number): Promise<void>;
}

export function collect(subscription: Subscription): Collector {
  const received: StoredEvent[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const done = (async () => {
    for await (const event of subscription) {
      received.push(event);
      for (const waiter of waiters.filter((w) => received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  })();
  const endedEarly = done.then(() => {
    throw new Error(`subscription ended after ${received.length} events`);
  });
  // Keep an unawaited rejection from being reported when nobody is waiting.
  endedEarly.catch(() => undefined);
  return {
    received,
    done,
    until: (count) =>
      received.length >= count
        ? Promise.resolve()
        : Promise.race([new Promise<void>((resolve) => waiters.push({ count, resolve })), endedEarly]),
  };
}

/** Lets n async workers wait until all of them have reached the same point. */
export function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let release: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (release = resolve));
  return () => {
    arrived += 1;
    if (arrived === parties) release();
    return opened;
  };
}
