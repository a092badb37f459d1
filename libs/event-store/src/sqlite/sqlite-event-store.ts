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
import { assertAppendable } from '../append-checks';
import { AfterAppendHook, appendInTransaction } from './append-to-stream';
import { decodeEventRows, EventRow } from './event-row';
import { openDatabase } from './open-database';
import { ReadAllQueries } from './read-all-query';
import { EventStatements, prepareEventStatements } from './statements';

const DEFAULT_PAGE_SIZE = 1000;

interface PendingAppend {
  streamId: string;
  events: readonly NewEvent[];
  expected: ExpectedVersion;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/** A page size must be a count: a negative one would read as "no limit" in SQLite. */
function checkedCount(maxCount: number): number {
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) throw new RangeError(`maxCount must be a non-negative integer, got ${maxCount}`);
  return maxCount;
}

/**
 * The event store in one SQLite file. better-sqlite3 is synchronous: reads run to the end before
 * another call starts; appends asked for in the same turn of the event loop commit together in one
 * BEGIN IMMEDIATE transaction (group commit). Other processes are kept apart by SQLite's file locks.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database;
  private readonly statements: EventStatements;
  private readonly readAllQueries: ReadAllQueries;
  private readonly appendOne: (streamId: string, events: readonly NewEvent[], expected: ExpectedVersion) => AppendResult;
  private readonly appendNested: (streamId: string, events: readonly NewEvent[], expected: ExpectedVersion) => AppendResult;
  private readonly appendBatch: (batch: readonly PendingAppend[], outcomes: AppendOutcome[]) => void;
  private readonly subscriptions = new Set<Subscription>();
  private afterAppend: AfterAppendHook | undefined;
  /** Appends asked for since the last flush: committed together (group commit, see `flush`). */
  private pending: PendingAppend[] = [];
  private flushScheduled = false;

  /** Opens or creates the store at `filePath`; read models open their own connection to the same file. */
  constructor(readonly filePath: string) {
    this.db = openDatabase(filePath);
    this.statements = prepareEventStatements(this.db);
    this.readAllQueries = new ReadAllQueries(this.db);
    const transaction = this.db.transaction((streamId: string, events: readonly NewEvent[], expected: ExpectedVersion) =>
      appendInTransaction(this.statements, streamId, events, expected, this.afterAppend),
    );
    this.appendOne = transaction.immediate;
    // Called inside the batch's transaction, better-sqlite3 runs this in a savepoint: a refused
    // append rolls back alone and the others of its batch still commit.
    this.appendNested = transaction;
    this.appendBatch = this.db
      .transaction((batch: readonly PendingAppend[], outcomes: AppendOutcome[]) => {
        for (const p of batch) {
          try {
            outcomes.push({ ok: true, result: this.appendNested(p.streamId, p.events, p.expected) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })
      .immediate;
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
    return new Promise<AppendResult>((resolve, reject) => {
      this.pending.push({ streamId, events, expected: expectedVersion, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * Group commit: every append asked for while the event loop was busy goes into one BEGIN
   * IMMEDIATE transaction, so concurrent writers (many HTTP requests) share one fsync instead of
   * paying one each. Each append still runs its own checks in order, in a savepoint: a conflict or
   * refusal fails that append alone. Nothing is acknowledged before the whole batch is durable.
   */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    if (batch.length === 1) {
      const [p] = batch;
      try {
        p.resolve(this.appendOne(p.streamId, p.events, p.expected));
      } catch (error) {
        p.reject(error);
      }
      return;
    }
    const outcomes: AppendOutcome[] = [];
    try {
      this.appendBatch(batch, outcomes);
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) p.resolve(outcome.result);
      else p.reject(outcome.error);
    });
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
    // Appends already asked for are committed (or refused), never dropped.
    this.flush();
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    if (this.db.open) this.db.close();
  }
}
