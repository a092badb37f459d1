import type { Database } from 'better-sqlite3';
import type { EventStore } from '../../event-store/src/port';
import { ReadModelRebuild } from './sqlite/read-model-rebuild';
import type { DocCacheCapacities } from './sqlite/read-model-writer';
import { yieldToEventLoop } from './yield-to-event-loop';

export interface RebuildSettings {
  /**
   * Events per step: each step reads and folds them in one transaction, commits, reports progress
   * and lets the event loop run. Reads go in slices of at most `REBUILD_READ_SLICE` rows whatever
   * this is, so it bounds how long a step holds the thread, not the memory it holds.
   */
  pageSize: number;
  capacities: DocCacheCapacities;
  onProgress?: (done: number, total: bigint) => void;
}

export interface RebuildResult {
  /** Events folded. */
  applied: number;
  /** The checkpoint swapped in with the rebuilt tables. */
  position: bigint;
}

/**
 * Replays the store up to its current head into fresh tables and swaps them in (see
 * `ReadModelRebuild`). `db` is a connection to the SQLite file that holds both the events and the
 * rm_ tables: the rebuild reads the events table there directly; `store` names the head.
 */
export async function rebuildReadModel(store: EventStore, db: Database, settings: RebuildSettings): Promise<RebuildResult> {
  const head = await store.headPosition();
  const rebuild = ReadModelRebuild.begin(db, settings.capacities);
  try {
    let done = 0;
    for (;;) {
      if (done > 0) await yieldToEventLoop();
      const folded = rebuild.foldNext(head, settings.pageSize);
      if (folded === 0) break;
      done += folded;
      settings.onProgress?.(done, head);
    }
    return { applied: done, position: rebuild.swapIn() };
  } catch (error) {
    rebuild.abandon();
    throw error;
  }
}
