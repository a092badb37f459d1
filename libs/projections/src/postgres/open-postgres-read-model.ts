import { Pool } from 'pg';
import type { EventStore } from '../../../event-store/src/port';
import { advisoryLockKey, assertSchemaName } from '../../../event-store/src/postgres/schema-name';
import type { CatchUpResult } from '../runner';
import { LiveProjection } from './live-projection';
import { migratePostgresReadModel } from './migrate-read-model';
import { DEFAULT_DOC_CAPACITIES, DocCapacities } from './page-folder';
import { PostgresReadModelView } from './postgres-read-model-view';
import { ProjectionLock } from './projection-lock';
import { rebuildPostgresReadModel } from './read-model-rebuild';
import { PostgresReadModelWriter } from './read-model-writer';

export interface PostgresReadModelOptions {
  /** A `postgres://` URL as pg reads it (without taizhang's `schema` parameter). */
  connectionString: string;
  /** The schema of the rm_ tables (created when absent). */
  schema: string;
  /** Keep the read model current in the background while this process holds the projection lock (a server). */
  live?: boolean;
  /** Events per catch-up page, and so per transaction (default 2,000). */
  pageSize?: number;
  /** Events per page a rebuild reads (default 1,000: larger pages measured slower, the garbage collector copying more). */
  rebuildPageSize?: number;
  /** A catch-up of an empty read model with at least this many events to fold runs as a rebuild (default 50,000). */
  bulkCatchUpThreshold?: number;
  /** How often the live subscription polls once caught up (default 200 ms). */
  pollIntervalMs?: number;
  /** How often a process that is not the owner tries the projection lock again (default 1,000 ms). */
  retryIntervalMs?: number;
  /** Size of the read model's own pool (default 4; at least 2: a rebuild works on two connections at once). */
  maxConnections?: number;
  /** Errors of the live loop, which retries on its own (default: a warning on the console). */
  onError?: (error: unknown) => void;
  capacities?: DocCapacities;
  /** Activity changes a rebuild keeps in memory rather than reading them again (tests set it low). */
  rebuildKeptChanges?: number;
  /**
   * True when `store` is the PostgreSQL event store of this very database and schema (its `events`
   * table sits beside the rm_ tables): activities are then stored by reference to their
   * ActivityLogged event, and a rebuild lets the database write them (see read-model-rebuild.ts).
   * Default false: every document stored in full, events read through the port only.
   */
  eventsBeside?: boolean;
}

const REBUILD_CAPACITIES: DocCapacities = { orgs: 200_000, members: 500_000, activities: 5_000, reports: 100_000, accounts: 100_000 };

/** The PostgreSQL read model of one ledger: its view and what keeps it current. */
export interface PostgresReadModel {
  readonly view: PostgresReadModelView;
  /** Folds every event up to the store's head as it was when called (from any process). */
  catchUp(onProgress?: (done: number, total: bigint) => void): Promise<CatchUpResult>;
  /** Rebuilds the read model beside the live one and swaps it in (see `rebuildPostgresReadModel`). */
  rebuild(onProgress?: (done: number, total: bigint) => void): Promise<CatchUpResult>;
  /** True while this process runs the live projection. */
  isOwner(): boolean;
  /** Stops the live loop, releases the projection lock, ends the pool; the store stays open. */
  close(): Promise<void>;
}

/**
 * Opens (creating or migrating) the rm_ tables in `schema` over events read from `store` through
 * the port, so the events may be in PostgreSQL or elsewhere; with `eventsBeside`, activity reads
 * and a rebuild also use the store's `events` table in the same schema.
 *
 * Who writes: with `live`, the process holding the projection's advisory lock follows the store
 * in the background; the others only read (and take over when the owner's session ends). Without
 * `live` (a CLI command) nothing runs in the background. `catchUp` works in every process, owner
 * or not: each page is one transaction that locks the checkpoint row and skips what it covers, so
 * concurrent writers take turns and never apply an event twice. That is simpler than handing the
 * work to the owner and waiting for it, and a command's own catch-up then never depends on a server.
 */
export async function openPostgresReadModel(store: EventStore, options: PostgresReadModelOptions): Promise<PostgresReadModel> {
  const schema = assertSchemaName(options.schema);
  const pool = new Pool({ connectionString: options.connectionString, max: Math.max(2, options.maxConnections ?? 4) });
  // An idle connection the server drops is discarded by the pool; without a listener that error would end the process.
  pool.on('error', () => undefined);
  try {
    await migratePostgresReadModel(pool, { schema, eventsBeside: options.eventsBeside ?? false });
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new OpenPostgresReadModel(store, pool, schema, options);
}

class OpenPostgresReadModel implements PostgresReadModel {
  readonly view: PostgresReadModelView;
  private readonly writer: PostgresReadModelWriter;
  private readonly lock: ProjectionLock;
  private readonly live: LiveProjection | undefined;
  private readonly pageSize: number;
  private readonly rebuildPageSize: number;
  private readonly bulkThreshold: bigint;
  private readonly eventsBeside: boolean;
  private readonly keptChangesLimit: number | undefined;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    private readonly schema: string,
    options: PostgresReadModelOptions,
  ) {
    this.eventsBeside = options.eventsBeside ?? false;
    this.keptChangesLimit = options.rebuildKeptChanges;
    this.view = new PostgresReadModelView(pool, schema, { eventsBeside: this.eventsBeside });
    this.writer = new PostgresReadModelWriter(pool, schema, options.capacities ?? DEFAULT_DOC_CAPACITIES, { eventsBeside: this.eventsBeside });
    this.pageSize = options.pageSize ?? 2_000;
    this.rebuildPageSize = options.rebuildPageSize ?? 1_000;
    this.bulkThreshold = BigInt(options.bulkCatchUpThreshold ?? 50_000);
    const retryIntervalMs = options.retryIntervalMs ?? 1_000;
    this.lock = new ProjectionLock(options.connectionString, advisoryLockKey('read-model', schema), retryIntervalMs);
    if (options.live) {
      this.live = new LiveProjection(store, this.writer, () => this.catchUp(), this.lock, {
        pageSize: this.pageSize,
        pollIntervalMs: options.pollIntervalMs ?? 200,
        retryIntervalMs,
        onError:
          options.onError ??
          ((error) => console.warn('读模型后台更新出错，稍后重试。The live read-model projection failed; retrying:', error)),
      });
      this.live.start();
    }
  }

  isOwner(): boolean {
    return this.live !== undefined && this.lock.isHeld();
  }

  async catchUp(onProgress?: (done: number, total: bigint) => void): Promise<CatchUpResult> {
    // Two independent reads: at once, as each is a round trip.
    const [head, checkpoint] = await Promise.all([this.store.headPosition(), this.writer.checkpoint()]);
    let position = checkpoint;
    if (position >= head) return { applied: 0, position };
    let applied = 0;
    if (position === 0n && head >= this.bulkThreshold) {
      // Another process rebuilding already: plain catch-up alongside it is still correct.
      const rebuilt = await this.rebuildWith(false, onProgress);
      if (rebuilt) ({ applied, position } = rebuilt);
    }
    while (position < head) {
      const page = await this.store.readAll({ fromPosition: position, maxCount: this.pageSize });
      if (page.length === 0) break;
      const outcome = await this.writer.applyPage(position, page);
      applied += outcome.applied;
      onProgress?.(applied, head);
      // The real checkpoint: the page's end, or beyond it when another writer got further, or
      // behind the page when the tables were recreated meanwhile (then read again from there).
      position = outcome.position;
    }
    return { applied, position };
  }

  async rebuild(onProgress?: (done: number, total: bigint) => void): Promise<CatchUpResult> {
    const rebuilt = await this.rebuildWith(true, onProgress);
    if (!rebuilt) throw new Error('rebuild did not run');
    return rebuilt;
  }

  private rebuildWith(wait: boolean, onProgress?: (done: number, total: bigint) => void) {
    return rebuildPostgresReadModel(this.store, this.pool, this.schema, {
      pageSize: this.rebuildPageSize,
      capacities: REBUILD_CAPACITIES,
      wait,
      onProgress,
      eventsBeside: this.eventsBeside,
      keptChangesLimit: this.keptChangesLimit,
    });
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.live) await this.live.stop();
      else await this.lock.release();
      await this.pool.end();
    })();
    return this.closing;
  }
}
