import type { Database } from 'better-sqlite3';
import type { StoredEvent } from '../../event-store/src/envelope';
import type { EventStore } from '../../event-store/src/port';
import { rebuildReadModel } from './rebuild';
import { resetReadModel } from './sqlite/read-model-schema';
import { RebuildSupersededError } from './sqlite/rebuild-errors';
import { DEFAULT_CACHE_CAPACITIES, DocCacheCapacities, ReadModelWriter } from './sqlite/read-model-writer';
import { yieldToEventLoop } from './yield-to-event-loop';

export interface CatchUpResult {
  /** Events this runner folded in (another process may have applied others meanwhile). */
  applied: number;
  /** The read model's checkpoint afterwards. */
  position: bigint;
}

export interface ProjectionRunnerOptions {
  /** Events per page in a catch-up, and so per transaction (each commit is atomic with its checkpoint). */
  batchSize?: number;
  /** Events per page in a rebuild (kept small: the page is what a rebuild holds in memory). */
  rebuildPageSize?: number;
  /** A catch-up from an empty read model with at least this many events to fold runs as a rebuild. */
  bulkCatchUpThreshold?: number;
  cacheCapacities?: DocCacheCapacities;
  /**
   * The events live somewhere other than this SQLite file (PostgreSQL, EventStoreDB): a rebuild
   * cannot read them from the file's own events table, so it empties the read model and refolds
   * everything through the store's `readAll`.
   */
  eventsElsewhere?: boolean;
}

export const DEFAULT_BATCH_SIZE = 5_000;
export const DEFAULT_REBUILD_PAGE_SIZE = 5_000;
export const DEFAULT_BULK_CATCH_UP_THRESHOLD = 50_000;

/**
 * Keeps the persisted read model up with the event store.
 *
 * catchUp: each page of events is read, then folded in one synchronous BEGIN IMMEDIATE transaction
 * that re-reads the checkpoint, so concurrent runners (other connections, other processes) never
 * apply an event twice, and a crash between pages loses nothing: the next catch-up starts from the
 * committed checkpoint. The transaction is not held across the `readAll` await: an append elsewhere
 * in this process could run during it and block on our write lock with the thread held
 * (better-sqlite3 waits synchronously), stalling both until the busy timeout.
 *
 * rebuild: replays the whole store into shadow tables and swaps them in (see `rebuildReadModel`).
 */
export class ProjectionRunner {
  private readonly writer: ReadModelWriter;
  private readonly batchSize: number;
  private readonly rebuildPageSize: number;
  private readonly bulkThreshold: bigint;
  private readonly capacities: DocCacheCapacities;
  private readonly eventsElsewhere: boolean;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database,
    options: ProjectionRunnerOptions = {},
  ) {
    this.capacities = options.cacheCapacities ?? DEFAULT_CACHE_CAPACITIES;
    this.eventsElsewhere = options.eventsElsewhere ?? false;
    this.writer = new ReadModelWriter(db, this.capacities, { eventsBeside: !this.eventsElsewhere });
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.rebuildPageSize = options.rebuildPageSize ?? DEFAULT_REBUILD_PAGE_SIZE;
    this.bulkThreshold = BigInt(options.bulkCatchUpThreshold ?? DEFAULT_BULK_CATCH_UP_THRESHOLD);
  }

  /**
   * Folds in every event up to the store's head as it was when called. With nothing new this is two
   * point reads (the store's head, our checkpoint) and no transaction: it runs before every command.
   */
  async catchUp(onProgress?: (done: number, total: bigint) => void): Promise<CatchUpResult> {
    const head = await this.store.headPosition();
    let position = this.writer.checkpoint();
    if (position >= head) return { applied: 0, position };
    if (position === 0n && head >= this.bulkThreshold && !this.eventsElsewhere) {
      try {
        return await this.rebuild();
      } catch (error) {
        // Another process is rebuilding too; plain catch-up cannot double-apply, so go on with it.
        if (!(error instanceof RebuildSupersededError)) throw error;
        position = this.writer.checkpoint();
      }
    }
    let applied = 0;
    for (let pages = 0; position < head; pages++) {
      if (pages > 0) await yieldToEventLoop();
      const page = await this.store.readAll({ fromPosition: position, maxCount: this.batchSize });
      if (page.length === 0) break;
      const outcome = this.writer.applyPage(position, page);
      applied += outcome.applied;
      onProgress?.(applied, head);
      // After a page another runner had already covered, or a swap-in elsewhere, go on from the real checkpoint.
      position = outcome.position;
    }
    return { applied, position };
  }

  /**
   * Folds events this process has just appended, inside the append's own transaction (called by
   * the store's after-append hook): the read model then commits with the events, in one durable
   * commit, and the next catch-up finds nothing to do. When the read model is behind the events
   * before these (another process wrote meanwhile), nothing is applied; catch-up will do it in order.
   */
  applyAppended(appended: readonly StoredEvent[], headBefore: bigint): void {
    this.writer.applyPage(headBefore, appended);
  }

  /**
   * Replays the whole store into fresh tables and swaps them in; the live read model keeps serving
   * until then. `onProgress` gets the events folded so far and the store's head position.
   */
  async rebuild(onProgress?: (done: number, total: bigint) => void): Promise<CatchUpResult> {
    if (this.eventsElsewhere) {
      resetReadModel(this.db);
      return this.catchUp(onProgress);
    }
    return rebuildReadModel(this.store, this.db, { pageSize: this.rebuildPageSize, capacities: this.capacities, onProgress });
  }
}
