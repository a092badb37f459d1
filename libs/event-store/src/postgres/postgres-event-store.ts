import { Pool } from 'pg';
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
import { appendToPostgres, AppendTarget } from './append-to-stream';
import { decodeEventRows, EventRow, PARSERS } from './event-row';
import { AppendStatements, EventStatements, eventStatements } from './event-statements';
import { assertNotNewer, migratePostgres, storedSchemaVersion } from './migrate';
import { LATEST_MIGRATION } from './migrations';
import { ReadAllQueries } from './read-all-query';
import { advisoryLockKey, assertSchemaName, DEFAULT_SCHEMA } from './schema-name';
import { StreamHeads } from './stream-heads';
import { StreamTurns } from './stream-turns';

const DEFAULT_PAGE_SIZE = 1000;
const DEFAULT_MAX_CONNECTIONS = 10;

export interface PostgresEventStoreOptions {
  /** A `postgres://` URL as pg reads it (without taizhang's own `schema` parameter). */
  connectionString?: string;
  /** An existing pool instead of a connection string; the store uses it but does not end it. */
  pool?: Pool;
  /** The schema holding the ledger's tables (default `public`); created by the first migration. */
  schema?: string;
  /** Size of the pool the store creates (default 10). */
  maxConnections?: number;
  /**
   * Bring the schema up to date when the store is first used (default true). With false, a schema
   * that is not current is refused, and `taizhang init` (or `migratePostgres`) must run first.
   */
  migrate?: boolean;
}

/** A page size must be a non-negative count. */
function checkedCount(maxCount: number): number {
  if (!Number.isSafeInteger(maxCount) || maxCount < 0) throw new RangeError(`maxCount must be a non-negative integer, got ${maxCount}`);
  return maxCount;
}

/**
 * The event store in PostgreSQL: one `events` table in one schema, appends in one transaction each
 * under a per-store advisory lock (see append-to-stream.ts for why that keeps readers gap-free),
 * reads through named statements. Several processes may share the schema.
 */
export class PostgresEventStore implements EventStore {
  readonly schema: string;
  readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly migrate: boolean;
  private readonly statements: EventStatements;
  private readonly readAllQueries: ReadAllQueries;
  private readonly appendTarget: AppendTarget;
  private readonly heads = new StreamHeads();
  private readonly turns = new StreamTurns();
  private readonly subscriptions = new Set<Subscription>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private schemaReady: Promise<void> | undefined;
  private closed = false;
  private closing: Promise<void> | undefined;

  constructor(options: PostgresEventStoreOptions) {
    this.schema = assertSchemaName(options.schema ?? DEFAULT_SCHEMA);
    if (options.pool) {
      this.pool = options.pool;
      this.ownsPool = false;
    } else {
      if (!options.connectionString) throw new TypeError('PostgresEventStore needs a connectionString or a pool');
      this.pool = new Pool({ connectionString: options.connectionString, max: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS });
      // An idle connection the server drops (restart, idle timeout) is discarded by the pool; without
      // a listener that error would end the process.
      this.pool.on('error', () => undefined);
      this.ownsPool = true;
    }
    this.migrate = options.migrate ?? true;
    this.statements = eventStatements(this.schema);
    this.readAllQueries = new ReadAllQueries(this.schema);
    const appendLockKey = advisoryLockKey('append', this.schema).toString();
    this.appendTarget = {
      pool: this.pool,
      statements: this.statements,
      appends: new AppendStatements(this.schema, appendLockKey),
      appendLockKey,
      heads: this.heads,
    };
  }

  /** Resolves once the schema is current (migrated here unless `migrate: false`); retried after a failure. */
  ready(): Promise<void> {
    if (!this.schemaReady) {
      this.schemaReady = this.prepareSchema().catch((error: unknown) => {
        this.schemaReady = undefined;
        throw error;
      });
    }
    return this.schemaReady;
  }

  private async prepareSchema(): Promise<void> {
    if (this.migrate) {
      await migratePostgres(this.pool, { schema: this.schema });
      return;
    }
    const version = await storedSchemaVersion(this.pool, this.schema);
    assertNotNewer(version, this.schema);
    if (version < LATEST_MIGRATION) {
      throw new Error(
        `PostgreSQL 模式 ${this.schema} 尚未初始化或版本过旧（结构版本 ${version}，需要 ${LATEST_MIGRATION}），请先运行 taizhang init。` +
          ` PostgreSQL schema ${this.schema} is at version ${version}, ${LATEST_MIGRATION} is needed: run taizhang init first.`,
      );
    }
  }

  /** Runs one operation once the schema is ready, tracked so that close() can wait for it. */
  private run<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the PostgreSQL event store is closed'));
    const operation = this.ready().then(work);
    this.inFlight.add(operation);
    const forget = () => this.inFlight.delete(operation);
    operation.then(forget, forget);
    return operation;
  }

  appendToStream(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    try {
      assertAppendable(streamId, events, expectedVersion);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.run(() => this.turns.run(streamId, () => appendToPostgres(this.appendTarget, streamId, events, expectedVersion)));
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    let limit: number | null;
    try {
      limit = options.maxCount === undefined ? null : checkedCount(options.maxCount);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.run(async () => {
      const result = await this.pool.query<EventRow>({
        ...this.statements.readStream,
        values: [streamId, options.fromVersion ?? 1, limit],
        rowMode: 'array',
        types: PARSERS,
      });
      const events = decodeEventRows(result.rows);
      // A writer usually reads a stream and then appends after its last event: that append can skip the head read.
      const last = events[events.length - 1];
      if (last) this.heads.saw(streamId, { version: last.streamVersion, hash: last.hash });
      return events;
    });
  }

  readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    let limit: number;
    try {
      limit = checkedCount(options.maxCount ?? DEFAULT_PAGE_SIZE);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.run(async () => {
      const { statement, values } = this.readAllQueries.page(options.fromPosition ?? 0n, limit, options.filter);
      const result = await this.pool.query<EventRow>({ ...statement, values, rowMode: 'array', types: PARSERS });
      return decodeEventRows(result.rows);
    });
  }

  headPosition(): Promise<bigint> {
    return this.run(async () => {
      const result = await this.pool.query<{ head: string | null }>({ ...this.statements.headPosition, types: PARSERS });
      const head = result.rows[0].head;
      return head === null ? 0n : BigInt(head);
    });
  }

  streamVersion(streamId: string): Promise<number> {
    return this.run(async () => {
      const result = await this.pool.query<{ version: number | null }>({ ...this.statements.streamVersion, values: [streamId] });
      return result.rows[0].version ?? 0;
    });
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

  /**
   * Ends the subscriptions first (so none polls a closed pool), lets operations already asked for
   * finish (an append in flight commits or fails, it is never cut off), then ends the pool if the
   * store created it.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((s) => s.close()));
      this.closed = true;
      await Promise.allSettled([...this.inFlight]);
      if (this.ownsPool) await this.pool.end();
    })();
    return this.closing;
  }
}
