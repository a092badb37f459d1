/// <reference types="jest" />
import { ConcurrencyError } from '../errors';
import { ExpectedVersion } from '../port';
import { ContractContext, rejectionOf } from './contract-context';
import { sampleEvent, sampleEvents } from './sample-events';

/** Optimistic concurrency: an append states the version it read; a mismatch writes nothing. */
export function expectedVersionContract(ctx: ContractContext): void {
  describe('expected version', () => {
    async function expectConflict(streamId: string, expected: ExpectedVersion, actual: number): Promise<void> {
      const headBefore = await ctx.store.headPosition();
      const lengthBefore = (await ctx.store.readStream(streamId)).length;

      const error = await rejectionOf(ctx.store.appendToStream(streamId, [sampleEvent()], expected));
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ streamId, expectedVersion: expected, actualVersion: actual });
      expect((await ctx.store.readStream(streamId)).length).toBe(lengthBefore);
      expect(await ctx.store.headPosition()).toBe(headBefore);
    }

    it("'no-stream' creates a stream and is refused once the stream exists", async () => {
      const result = await ctx.store.appendToStream('org-1', [sampleEvent()], 'no-stream');
      expect(result.nextVersion).toBe(1);

      await expectConflict('org-1', 'no-stream', 1);
    });

    it('0 means the same as no-stream', async () => {
      expect((await ctx.store.appendToStream('org-1', [sampleEvent()], 0)).nextVersion).toBe(1);

      await expectConflict('org-1', 0, 1);
    });

    it('the current version as a number appends after it', async () => {
      await ctx.store.appendToStream('org-1', sampleEvents(2), 'no-stream');

      const result = await ctx.store.appendToStream('org-1', sampleEvents(2), 2);
      expect(result.nextVersion).toBe(4);
      expect((await ctx.store.readStream('org-1')).map((e) => e.streamVersion)).toEqual([1, 2, 3, 4]);
    });

    it('a stale version is refused with the actual version, and nothing is written', async () => {
      await ctx.store.appendToStream('org-1', sampleEvents(2), 'no-stream');

      await expectConflict('org-1', 1, 2);
    });

    it('a version ahead of the stream is refused too', async () => {
      await ctx.store.appendToStream('org-1', sampleEvents(2), 'no-stream');

      await expectConflict('org-1', 5, 2);
    });

    it('a positive version on an absent stream is refused with actual version 0', async () => {
      await expectConflict('org-absent', 3, 0);
    });

    it("'any' appends whatever the stream version, absent or not", async () => {
      expect((await ctx.store.appendToStream('org-1', [sampleEvent()], 'any')).nextVersion).toBe(1);
      expect((await ctx.store.appendToStream('org-1', sampleEvents(2), 'any')).nextVersion).toBe(3);
      expect(await ctx.store.streamVersion('org-1')).toBe(3);
    });

    it('an empty batch is refused on a version mismatch as well', async () => {
      await ctx.store.appendToStream('org-1', sampleEvents(2), 'no-stream');

      const error = await rejectionOf(ctx.store.appendToStream('org-1', [], 1));
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ actualVersion: 2 });
    });
  });
}
