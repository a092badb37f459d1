import { EventStore } from '../port';
import { MigrationError } from './migration-error';
import { StreamHead, verifyStoreChains } from './store-chains';

/**
 * What the target already holds, per stream, after proving that every target stream is the start
 * of the same stream in the source: its own chain verifies, and its head event has the hash of the
 * source's event at that version. A hash covers the one before it, so one comparison per stream
 * proves the whole prefix equal. This is what makes a second run skip instead of copy, and what
 * refuses a target that belongs to another ledger or went on by itself.
 */
export async function targetHeadsWithinSource(source: EventStore, target: EventStore, pageSize: number): Promise<Map<string, StreamHead>> {
  const chains = await verifyStoreChains(target, { pageSize });
  if (chains.firstBreak) {
    const b = chains.firstBreak;
    throw new MigrationError({
      kind: 'target-corrupt',
      streamId: b.streamId,
      streamVersion: b.streamVersion,
      eventId: b.eventId,
      messageZh: `目标存储中已有的事件流 ${b.streamId} 第 ${b.streamVersion} 条事件（${b.eventId}）哈希链校验失败，不能在其上继续迁移`,
      message: `target stream ${b.streamId} fails its hash chain at version ${b.streamVersion} (event ${b.eventId} ${b.reason}); refusing to migrate into it`,
    });
  }
  for (const [streamId, head] of chains.heads) {
    const [atHead] = await source.readStream(streamId, { fromVersion: head.version, maxCount: 1 });
    if (!atHead) {
      const sourceVersion = await source.streamVersion(streamId);
      throw new MigrationError({
        kind: 'target-has-extra-events',
        streamId,
        streamVersion: sourceVersion + 1,
        messageZh:
          sourceVersion === 0
            ? `目标存储已有源存储中没有的事件流 ${streamId}（${head.version} 条事件），拒绝迁移：目标应为空或为本源存储的未完成迁移`
            : `目标存储中的事件流 ${streamId} 有 ${head.version} 条事件，多于源存储的 ${sourceVersion} 条，拒绝迁移`,
        message:
          sourceVersion === 0
            ? `target holds stream ${streamId} (${head.version} events) that the source does not have; the target must be empty or an unfinished migration of this source`
            : `target stream ${streamId} has ${head.version} events, more than the source's ${sourceVersion}`,
      });
    }
    if (atHead.hash !== head.hash) {
      throw new MigrationError({
        kind: 'diverged',
        streamId,
        streamVersion: head.version,
        eventId: atHead.eventId,
        messageZh: `目标存储中的事件流 ${streamId} 与源存储不一致（第 ${head.version} 条事件的哈希不同），拒绝迁移`,
        message: `target stream ${streamId} diverges from the source: the hashes at version ${head.version} differ`,
      });
    }
  }
  return chains.heads;
}
