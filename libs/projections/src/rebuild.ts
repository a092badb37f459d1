import type { Database } from 'better-sqlite3';
import type { StoredEvent } from '../../event-store/src/envelope';
import type { EventStore } from '../../event-store/src/port';
import { ReadModelRebuild, RebuildMode } from './sqlite/read-model-rebuild';
import { DuplicateActivityIdError } from './sqlite/rebuild-errors';
import type { DocCacheCapacities } from './sqlite/read-model-writer';
import { yieldToEventLoop } from './yield-to-event-loop';

export interface RebuildSettings {
  /** Events per `readAll` page (the page is what a rebuild holds in memory) and per commit. */
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
 * Replays the store up to its current head into fresh tables and swaps them in. Tries the bulk
 * mode first (activities loaded unindexed, corrections and voids folded after indexing); a ledger
 * that logged one activity id twice is redone in the exact mode, which folds everything in order.
 */
export async function rebuildReadModel(store: EventStore, db: Database, settings: RebuildSettings): Promise<RebuildResult> {
  const head = await store.headPosition();
  try {
    return await rebuildAs('bulk', head, store, db, settings);
  } catch (error) {
    if (!(error instanceof DuplicateActivityIdError)) throw error;
    return rebuildAs('exact', head, store, db, settings);
  }
}

async function rebuildAs(mode: RebuildMode, head: bigint, store: EventStore, db: Database, settings: RebuildSettings): Promise<RebuildResult> {
  const rebuild = ReadModelRebuild.begin(db, mode, settings.capacities);
  try {
    let done = 0;
    while (rebuild.loadedPosition < head) {
      if (done > 0) await yieldToEventLoop();
      const page = await store.readAll({ fromPosition: rebuild.loadedPosition, maxCount: settings.pageSize });
      if (page.length === 0) break;
      rebuild.foldPage(page);
      done += page.length;
      settings.onProgress?.(done, head);
    }
    rebuild.finishLoading();
    const deferred = rebuild.deferredPositions();
    for (let i = 0; i < deferred.length; ) {
      const events: StoredEvent[] = [];
      while (i < deferred.length && events.length < settings.pageSize) {
        const run = consecutiveRun(deferred, i, settings.pageSize);
        events.push(...(await readExactly(store, deferred[i], run)));
        i += run;
      }
      rebuild.foldDeferred(events);
      await yieldToEventLoop();
    }
    return { applied: done, position: rebuild.swapIn() };
  } catch (error) {
    rebuild.abandon();
    throw error;
  }
}

/** How many positions from `start` follow one another without a gap (one read fetches them all). */
function consecutiveRun(positions: readonly bigint[], start: number, max: number): number {
  let n = 1;
  while (start + n < positions.length && n < max && positions[start + n] === positions[start] + BigInt(n)) n++;
  return n;
}

/** The `count` events at positions `from`, `from + 1`, …: all of them were read once already. */
async function readExactly(store: EventStore, from: bigint, count: number): Promise<StoredEvent[]> {
  const events = await store.readAll({ fromPosition: from - 1n, maxCount: count });
  if (events.length !== count || events[0].globalPosition !== from) {
    throw new Error(`event store returned other events than positions ${from}..${from + BigInt(count) - 1n}`);
  }
  return events;
}
