import type { Database } from 'better-sqlite3';
import { pollingSubscription } from '../catch-up-subscription';
import { NewEvent, StoredEvent } from '../envelope';
import {
  AppendResult,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../port';
import { AfterAppendHook, appendInTransaction, assertAppendable } from './append-to-stream';
import { decodeEventRows, EventRow } from './event-row';
import { openDatabase } from './open-database';
import { ReadAllQueries } from './read-all-query';
import { EventStatements, prepareEventStatements } from './statements';

const DEFAULT_PAGE_SIZE = 1000;

/** A page size must be a count: a negative one would read as "no limit" in SQLite. */
function checkedCount(maxCount: number): number {
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) throw new RangeError(`maxCount must be a non-negative integer, got ${maxCount}`);
  return maxCount;
}

/**
 * The event store in one SQLite file. better-sqlite3 is synchronous, so each call runs to the end
 * before another starts in this process; other processes are kept apart by SQLite's file locks
 * (every append is one BEGIN IMMEDIATE transaction).
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database;
  private readonly statements: EventStatements;
  private readonly readAllQueries: ReadAllQueries;
  private readonly append: (streamId: string, events: readonly NewEvent[], expected: ExpectedVersion) => AppendResult;
  private readonly subscriptions = new Set<Subscription>();
  private afterAppend: AfterAppendHook | undefined;

  /** Opens or creates the store at `filePath`; read models open their own connection to the same file. */
  constructor(readonly filePath: string) {
    this.db = openDatabase(filePath);
    this.statements = prepareEventStatements(this.db);
    this.readAllQueries = new ReadAllQueries(this.db);
    const transaction = this.db.transaction((streamId: string, events: readonly NewEvent[], expected: ExpectedVersion) =>
      appendInTransaction(this.statements, streamId, events, expected, this.afterAppend),
    );
    this.append = transaction.immediate;
  }

  /** The store's connection, for read models kept in the same file (one connection per process). */
  get database(): Database {
    return this.db;
  }

  /**
   * Runs `hook` inside every append's transaction after the events are inserted, in a savepoint of
   * its own: if it throws, only its writes are undone and the append still commits (an inline
   * projection that fails simply leaves the events to the next catch-up).
   */
  onAppended(hook: AfterAppendHook): void {
    const inSavepoint = this.db.transaction((appended: readonly StoredEvent[], headBefore: bigint) => hook(appended, headBefore));
    this.afterAppend = (appended, headBefore) => {
      try {
        inSavepoint(appended, headBefore);
      } catch (error) {
        if (process.env.TAIZHANG_DEBUG) process.stderr.write(`inline projection skipped: ${String(error)}\n`);
      }
    };
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    assertAppendable(streamId, events, expectedVersion);
    return this.append(streamId, events, expectedVersion);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    // SQLite reads LIMIT -1 as "no limit".
    const limit = options.maxCount === undefined ? -1 : checkedCount(options.maxCount);
    const rows = this.statements.readStream.all(streamId, options.fromVersion ?? 1, limit) as EventRow[];
    return decodeEventRows(rows);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const limit = checkedCount(options.maxCount ?? DEFAULT_PAGE_SIZE);
    return decodeEventRows(this.readAllQueries.page(options.fromPosition ?? 0n, limit, options.filter));
  }

  async headPosition(): Promise<bigint> {
    return (this.statements.headPosition.get() as bigint | null) ?? 0n;
  }

  async streamVersion(streamId: string): Promise<number> {
    const version = this.statements.streamVersion.get(streamId) as bigint | null;
    return version === null ? 0 : Number(version);
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    const inner = pollingSubscription(this, options);
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

  /** Ends open subscriptions first, so none polls a closed connection. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    if (this.db.open) this.db.close();
  }
}
