import { GENESIS_HASH } from '../envelope';
import { EventStore } from '../port';
import { countStoreEvents } from './count-events';
import { copyRun } from './copy-run';
import { MigrationAbortedError } from './migration-error';
import { targetHeadsWithinSource } from './target-prefix';
import { streamRuns } from './stream-runs';

export interface MigrateOptions {
  /** Source events per `readAll` page (default 1,000). */
  pageSize?: number;
  /**
   * Called after each page with the events dealt with so far (copied + skipped) and the source's
   * event count, counted once at the start. Throwing stops the migration (resumable, like an abort).
   */
  onProgress?: (done: number, total: number) => void;
  /** Stops the migration between two appends; it then throws MigrationAbortedError. */
  signal?: AbortSignal;
}

export interface MigrateResult {
  /** Events appended to the target by this run. */
  copied: number;
  /** Source events the target already held (an earlier, interrupted run). */
  skipped: number;
  /** Streams in the source. */
  streams: number;
  /** The source's global position of the last event read (positions in the target differ). */
  lastPosition: bigint;
}

/**
 * Copies every event of `source` into `target` through the port alone, so it works between any
 * two adapters. Events keep their ids, stream versions, types, schema versions, data and metadata
 * (recording instants included), and therefore their hashes: the target computes each hash itself
 * and every stored hash is compared with the source's. Global positions are the target's own (they
 * are not hashed); the relative order of events is the source's, copied page by page in global order.
 *
 * Resumable: the target may already hold a prefix of each source stream (an interrupted run); that
 * is proved by hash and skipped. A target holding anything else is refused before any write.
 * Events appended to the source during the run may be missed; running it again copies them.
 */
export async function migrateStore(source: EventStore, target: EventStore, options: MigrateOptions = {}): Promise<MigrateResult> {
  const pageSize = options.pageSize ?? 1000;
  const { signal, onProgress } = options;
  const total = onProgress ? await countStoreEvents(source, pageSize, signal) : 0;
  const heads = await targetHeadsWithinSource(source, target, pageSize);
  const streams = new Set<string>();
  const result: MigrateResult = { copied: 0, skipped: 0, streams: 0, lastPosition: 0n };
  const stopIfAborted = () => {
    if (signal?.aborted) throw new MigrationAbortedError({ copied: result.copied, skipped: result.skipped });
  };
  for (;;) {
    stopIfAborted();
    const page = await source.readAll({ fromPosition: result.lastPosition, maxCount: pageSize });
    if (page.length === 0) break;
    for (const run of streamRuns(page)) {
      const streamId = run[0].streamId;
      streams.add(streamId);
      const head = heads.get(streamId) ?? { version: 0, hash: GENESIS_HASH };
      const missing = run.filter((e) => e.streamVersion > head.version);
      result.skipped += run.length - missing.length;
      if (missing.length === 0) continue;
      stopIfAborted();
      const { alreadyStored } = await copyRun(target, head, missing);
      if (alreadyStored) result.skipped += missing.length;
      else result.copied += missing.length;
      const last = missing[missing.length - 1];
      heads.set(streamId, { version: last.streamVersion, hash: last.hash });
    }
    result.lastPosition = page[page.length - 1].globalPosition;
    onProgress?.(result.copied + result.skipped, Math.max(total, result.copied + result.skipped));
  }
  result.streams = streams.size;
  return result;
}
