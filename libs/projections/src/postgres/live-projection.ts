import type { EventStore, Subscription } from '../../../event-store/src/port';
import { consumeInPages } from './consume-in-pages';
import type { ProjectionLock } from './projection-lock';
import type { PostgresReadModelWriter } from './read-model-writer';

export interface LiveProjectionSettings {
  /** Most events folded per transaction. */
  pageSize: number;
  /** How often the subscription polls once caught up. */
  pollIntervalMs: number;
  /** How often a process that is not the owner tries the lock again (and pause after an error). */
  retryIntervalMs: number;
  onError: (error: unknown) => void;
}

/**
 * Keeps the read model current in the background, in the one process that holds the projection
 * lock: it catches up, then follows the store's subscription (`for await`), folding what arrives
 * in pages. The other processes try the lock every `retryIntervalMs` and take over when the owner's
 * session ends. Losing the lock mid-page is harmless: the page's transaction re-reads the
 * checkpoint under its row lock, so two writers can overlap for a moment without applying an event twice.
 */
export class LiveProjection {
  private stopped = false;
  private running: Promise<void> | undefined;
  private subscription: Subscription | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly writer: PostgresReadModelWriter,
    private readonly catchUp: () => Promise<unknown>,
    private readonly lock: ProjectionLock,
    private readonly settings: LiveProjectionSettings,
  ) {}

  start(): void {
    this.running ??= this.run();
  }

  /** Stops following, waits for the page in flight, and gives up the lock. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.subscription?.close();
    await this.running;
    await this.lock.release();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (await this.lock.tryAcquire()) {
          await this.follow();
          // Still the owner (the tables were recreated): follow again. Lost it: wait like any
          // other process, which gives one that was waiting the first chance.
          if (this.lock.isHeld()) continue;
        }
      } catch (error) {
        if (!this.stopped) this.settings.onError(error);
      }
      await this.pause(this.settings.retryIntervalMs);
    }
  }

  /** Runs while this process owns the projection; returns when it stops, loses the lock, or must re-read. */
  private async follow(): Promise<void> {
    await this.catchUp();
    let expectedFrom = await this.writer.checkpoint();
    if (this.stopped || !this.lock.isHeld()) return;
    const subscription = this.store.subscribeToAll({ fromPosition: expectedFrom, pollIntervalMs: this.settings.pollIntervalMs });
    this.subscription = subscription;
    const unlisten = this.lock.whenLost(() => void subscription.close());
    try {
      await consumeInPages(subscription, this.settings.pageSize, async (page) => {
        const outcome = await this.writer.applyPage(expectedFrom, page);
        // The tables were recreated behind this page: follow again from their checkpoint.
        if (outcome.behind) return false;
        expectedFrom = page[page.length - 1].globalPosition;
        return !this.stopped && this.lock.isHeld();
      });
    } finally {
      unlisten();
      this.subscription = undefined;
      await subscription.close();
    }
  }

  private pause(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
