import { EventStoreDBClient } from '@eventstore/db-client';
import { NewEvent, StoredEvent } from '../envelope';
import { StoreUrlError } from '../errors';
import {
  AppendResult,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../port';
import { endOfAll, lastLedgerPosition, readAllPage } from './all-reads';
import { appendEvents } from './append-events';
import { EsdbContext } from './esdb-context';
import { subscribeToLedger } from './esdb-subscription';
import { EsdbLocation } from './esdb-url';
import { readHead, readLedgerStream } from './stream-reads';
import { StreamNaming } from './stream-naming';

const DEFAULT_PAGE_SIZE = 1000;

export interface EsdbStoreOptions {
  /** Overrides the URL's `namespace`: prefixes every stream name, isolating ledgers (or test runs). */
  streamNamespace?: string;
  /**
   * The `$all` position at or before which this store has no events; `'now'` takes the current
   * end of `$all`. Only for a namespace never written before (a test run's): reads then skip the
   * server's older history instead of scanning it.
   */
  namespaceStart?: bigint | 'now';
}

/** A page size must be a count. */
function checkedCount(maxCount: number): number {
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) throw new RangeError(`maxCount must be a non-negative integer, got ${maxCount}`);
  return maxCount;
}

/**
 * The event store on an EventStoreDB / KurrentDB server (single node or cluster), through
 * @eventstore/db-client. Each ledger stream is a server stream; our envelope fields the server has
 * no place for (event id, schema version, hashes, metadata) travel in the event's metadata.
 */
export class EsdbEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  private constructor(
    private readonly ctx: EsdbContext,
    /** Where the store is, without credentials: for messages. */
    readonly displayUrl: string,
  ) {}

  /** Connects (lazily: the first call reaches the server) to the store a parsed URL names. */
  static async open(location: EsdbLocation, options: EsdbStoreOptions = {}): Promise<EsdbEventStore> {
    let client: EventStoreDBClient;
    try {
      client = EventStoreDBClient.connectionString(location.connectionString);
    } catch {
      // The client's own message quotes the whole connection string, password included.
      throw new StoreUrlError(`无法使用 EventStoreDB 地址 ${location.displayUrl}。The EventStoreDB client refused ${location.displayUrl}.`);
    }
    const naming = new StreamNaming(options.streamNamespace ?? location.streamNamespace);
    let floor = 0n;
    try {
      floor = options.namespaceStart === 'now' ? await endOfAll({ client }) : (options.namespaceStart ?? 0n);
    } catch (error) {
      await client.dispose();
      throw error;
    }
    return new EsdbEventStore({ client, naming, floor }, location.displayUrl);
  }

  /** The namespace prefixed to this store's stream names, if any. */
  get streamNamespace(): string | undefined {
    return this.ctx.naming.namespace;
  }

  /** See EsdbStoreOptions.namespaceStart: pass it on to another instance on the same namespace. */
  get namespaceStart(): bigint {
    return this.ctx.floor;
  }

  /** Reaches the server once (the end of `$all`), so a wrong address or account fails on opening. */
  async ready(): Promise<void> {
    try {
      await this.track(() => endOfAll(this.ctx));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`无法连接 EventStoreDB（${this.displayUrl}）：${reason}。Cannot reach EventStoreDB at ${this.displayUrl}: ${reason}`);
    }
  }

  appendToStream(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    return this.track(() => appendEvents(this.ctx, streamId, events, expectedVersion));
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return this.track(async () => {
      const maxCount = options.maxCount === undefined ? undefined : checkedCount(options.maxCount);
      if (maxCount === 0) return [];
      const fromVersion = options.fromVersion ?? 1;
      if (!Number.isSafeInteger(fromVersion)) throw new RangeError(`fromVersion must be an integer, got ${fromVersion}`);
      return readLedgerStream(this.ctx, streamId, Math.max(1, fromVersion), maxCount);
    });
  }

  readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return this.track(async () => readAllPage(this.ctx, options.fromPosition ?? 0n, checkedCount(options.maxCount ?? DEFAULT_PAGE_SIZE), options.filter));
  }

  headPosition(): Promise<bigint> {
    return this.track(() => lastLedgerPosition(this.ctx));
  }

  streamVersion(streamId: string): Promise<number> {
    return this.track(async () => (await readHead(this.ctx, streamId)).version);
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    this.assertOpen();
    const inner = subscribeToLedger(this.ctx, options);
    const subscription: Subscription = {
      [Symbol.asyncIterator]: () => inner[Symbol.asyncIterator](),
      close: async () => {
        this.subscriptions.delete(subscription);
        await inner.close();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Ends subscriptions, lets calls already made finish, then closes the connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await Promise.allSettled([...this.inFlight]);
    await this.ctx.client.dispose();
  }

  private track<T>(operation: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(this.closedError());
    const promise = operation();
    this.inFlight.add(promise);
    const forget = () => this.inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  private assertOpen(): void {
    if (this.closed) throw this.closedError();
  }

  private closedError(): Error {
    return new Error(`the event store ${this.displayUrl} is closed`);
  }
}
