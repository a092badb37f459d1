import { NewEvent, StoredEvent } from '../envelope';
import { ConcurrencyError, IdempotencyError } from '../errors';
import { chainEvents } from '../hash-chain';
import { EventStore } from '../port';
import { MigrationError } from './migration-error';
import { StreamHead } from './store-chains';

/** The envelope as the source recorded it, without what the target assigns (place and hash). */
function asNewEvent(e: StoredEvent): NewEvent {
  return { eventId: e.eventId, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata };
}

/**
 * Checks that a run of source events continues the stream at `head` and that each still matches
 * its own hash, before anything is written: an event edited in the source must not land in the
 * target under a freshly computed hash that would hide the edit.
 */
function assertSourceRunIntact(streamId: string, head: StreamHead, run: readonly StoredEvent[]): void {
  const first = run[0];
  if (first.streamVersion !== head.version + 1 || first.prevHash !== head.hash) {
    throw new MigrationError({
      kind: 'source-corrupt',
      streamId,
      streamVersion: first.streamVersion,
      eventId: first.eventId,
      messageZh: `源存储的事件流 ${streamId} 第 ${first.streamVersion} 条事件（${first.eventId}）与前一条事件的版本或哈希链接不符`,
      message: `source stream ${streamId}: event ${first.eventId} at version ${first.streamVersion} does not follow version ${head.version} and its hash`,
    });
  }
  const recomputed = chainEvents(streamId, head.version, head.hash, run.map(asNewEvent));
  recomputed.forEach((c, i) => {
    const e = run[i];
    if (c.hash !== e.hash || c.streamVersion !== e.streamVersion) {
      throw new MigrationError({
        kind: 'source-corrupt',
        streamId,
        streamVersion: e.streamVersion,
        eventId: e.eventId,
        messageZh: `源存储的事件流 ${streamId} 第 ${e.streamVersion} 条事件（${e.eventId}）内容与其哈希不符（记录被改动），未复制`,
        message: `source stream ${streamId}: event ${e.eventId} at version ${e.streamVersion} does not match its own hash (edited); not copied`,
      });
    }
  });
}

/** The target's stored copies must carry the source's ids, versions and hashes, one for one. */
function assertStoredAsSource(streamId: string, run: readonly StoredEvent[], stored: readonly StoredEvent[]): void {
  run.forEach((e, i) => {
    const copy = stored[i];
    if (!copy || copy.eventId !== e.eventId || copy.streamVersion !== e.streamVersion || copy.hash !== e.hash) {
      throw new MigrationError({
        kind: 'hash-mismatch',
        streamId,
        streamVersion: e.streamVersion,
        eventId: e.eventId,
        messageZh: copy
          ? `事件流 ${streamId} 第 ${e.streamVersion} 条事件（${e.eventId}）在目标存储中的哈希与源存储不同，迁移已停止`
          : `事件流 ${streamId} 第 ${e.streamVersion} 条事件（${e.eventId}）写入后在目标存储中读不到，迁移已停止`,
        message: copy
          ? `stream ${streamId} version ${e.streamVersion}: the target stored event ${copy.eventId} with hash ${copy.hash}, the source has ${e.eventId} with ${e.hash}`
          : `stream ${streamId} version ${e.streamVersion}: event ${e.eventId} is missing from the target after the append`,
      });
    }
  });
}

function targetChanged(streamId: string, head: StreamHead, error: Error): MigrationError {
  return new MigrationError({
    kind: 'target-changed',
    streamId,
    streamVersion: head.version + 1,
    messageZh: `迁移期间目标存储的事件流 ${streamId} 被其他程序写入，迁移已停止；请停止其他写入后重新运行`,
    message: `stream ${streamId} changed in the target while migrating (${error.message}); stop other writers and run again`,
  });
}

/**
 * Appends one run of consecutive source events of a stream to the target at the version it
 * continues, then reads the run back and compares it with the source. Returns whether the target
 * already held it (an idempotent replay: same ids at the same place).
 */
export async function copyRun(target: EventStore, head: StreamHead, run: readonly StoredEvent[]): Promise<{ alreadyStored: boolean }> {
  const streamId = run[0].streamId;
  assertSourceRunIntact(streamId, head, run);
  let alreadyStored: boolean;
  try {
    ({ alreadyStored } = await target.appendToStream(streamId, run.map(asNewEvent), head.version));
  } catch (error) {
    if (error instanceof ConcurrencyError || error instanceof IdempotencyError) throw targetChanged(streamId, head, error);
    throw error;
  }
  const stored = await target.readStream(streamId, { fromVersion: run[0].streamVersion, maxCount: run.length });
  assertStoredAsSource(streamId, run, stored);
  return { alreadyStored };
}
