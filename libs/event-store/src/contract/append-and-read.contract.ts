/// <reference types="jest" />
import { NewEvent } from '../envelope';
import { ContractContext, positionsOf, strictlyIncreasing } from './contract-context';
import { sampleEvent, sampleEvents, sampleMetadata } from './sample-events';

/** Appends land where they should and read back unchanged. */
export function appendAndReadContract(ctx: ContractContext): void {
  describe('append and read back', () => {
    it('starts empty: no events, head position 0n, absent streams at version 0', async () => {
      expect(await ctx.store.headPosition()).toBe(0n);
      expect(await ctx.store.readAll()).toEqual([]);
      expect(await ctx.store.readStream('org-none')).toEqual([]);
      expect(await ctx.store.streamVersion('org-none')).toBe(0);
    });

    it('reads back every envelope field as appended, with versions from 1 and bigint positions', async () => {
      const events: NewEvent[] = [
        sampleEvent(),
        sampleEvent({
          type: 'MemberEnrolled',
          schemaVersion: 3,
          // Keys out of order, unicode beyond the BMP, every JSON kind, empty containers.
          data: {
            zeta: '党建🚩 “引号” \\ / \n 换行',
            alpha: [1, -2.5, 0, 1e-7, 123456789012, true, false, null, [], {}],
            nested: { b: { d: [{ y: 1, x: 2 }], c: null }, a: '' },
          },
          metadata: sampleMetadata({ source: 'import', causationId: 'cmd-7', importFile: '2024年台账.xlsx', row: 12 }),
        }),
        sampleEvent({ type: 'ActivityVoided', data: { activityId: 'act-1', reason: '重复录入' } }),
      ];
      await ctx.store.appendToStream('org-branch-1', events, 'no-stream');

      const read = await ctx.store.readStream('org-branch-1');
      expect(read).toHaveLength(3);
      read.forEach((stored, i) => {
        expect(stored).toEqual({
          ...events[i],
          streamId: 'org-branch-1',
          streamVersion: i + 1,
          globalPosition: stored.globalPosition,
          prevHash: stored.prevHash,
          hash: stored.hash,
        });
        expect(typeof stored.globalPosition).toBe('bigint');
        expect(stored.globalPosition > 0n).toBe(true);
      });
      expect(strictlyIncreasing(positionsOf(read))).toBe(true);
      expect(await ctx.store.readAll()).toEqual(read);
    });

    it('reports the version and position of the batch last event, and the store head follows', async () => {
      const result = await ctx.store.appendToStream('org-branch-1', sampleEvents(3), 'no-stream');
      const read = await ctx.store.readStream('org-branch-1');

      expect(result).toEqual({ nextVersion: 3, lastPosition: read[2].globalPosition, alreadyStored: false });
      expect(await ctx.store.streamVersion('org-branch-1')).toBe(3);
      expect(await ctx.store.headPosition()).toBe(read[2].globalPosition);
    });

    it('continues versions per stream and positions across streams, in append order', async () => {
      const [a1, a2, b1, b2] = sampleEvents(4);
      await ctx.store.appendToStream('org-a', [a1], 'no-stream');
      await ctx.store.appendToStream('org-b', [b1, b2], 'no-stream');
      const last = await ctx.store.appendToStream('org-a', [a2], 1);

      const all = await ctx.store.readAll();
      expect(all.map((e) => [e.eventId, e.streamId, e.streamVersion])).toEqual([
        [a1.eventId, 'org-a', 1],
        [b1.eventId, 'org-b', 1],
        [b2.eventId, 'org-b', 2],
        [a2.eventId, 'org-a', 2],
      ]);
      expect(strictlyIncreasing(positionsOf(all))).toBe(true);
      expect(last).toEqual({ nextVersion: 2, lastPosition: all[3].globalPosition, alreadyStored: false });
      expect((await ctx.store.readStream('org-a')).map((e) => e.eventId)).toEqual([a1.eventId, a2.eventId]);
    });

    it('reads part of a stream from a version (inclusive), at most a count', async () => {
      const events = sampleEvents(5);
      await ctx.store.appendToStream('org-branch-1', events, 'no-stream');

      const part = await ctx.store.readStream('org-branch-1', { fromVersion: 2, maxCount: 2 });
      expect(part.map((e) => [e.streamVersion, e.eventId])).toEqual([
        [2, events[1].eventId],
        [3, events[2].eventId],
      ]);
      expect((await ctx.store.readStream('org-branch-1', { fromVersion: 4 })).map((e) => e.streamVersion)).toEqual([4, 5]);
      expect(await ctx.store.readStream('org-branch-1', { fromVersion: 6 })).toEqual([]);
    });

    it('reads a missing stream as empty while other streams hold events', async () => {
      await ctx.store.appendToStream('org-branch-1', sampleEvents(2), 'no-stream');

      expect(await ctx.store.readStream('org-branch-2')).toEqual([]);
      expect(await ctx.store.streamVersion('org-branch-2')).toBe(0);
      // A prefix of an existing stream id is a different, absent stream.
      expect(await ctx.store.readStream('org-branch-')).toEqual([]);
    });

    it('accepts an empty batch without writing, reporting the current version', async () => {
      await ctx.store.appendToStream('org-branch-1', sampleEvents(2), 'no-stream');
      const head = await ctx.store.headPosition();

      const result = await ctx.store.appendToStream('org-branch-1', [], 2);
      expect(result.nextVersion).toBe(2);
      expect(result.alreadyStored).toBe(false);
      expect(await ctx.store.headPosition()).toBe(head);
    });
  });
}
