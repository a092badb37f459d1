/// <reference types="jest" />
import { GENESIS_HASH } from '../envelope';
import { IdempotencyError } from '../errors';
import { ContractContext, rejectionOf } from './contract-context';
import { sampleEvent, sampleEvents } from './sample-events';

/** A batch is written whole or not at all, and replaying a stored batch is harmless. */
export function idempotencyContract(ctx: ContractContext): void {
  /** `append` starts only once the head is read: an adapter doing real I/O must not race the check. */
  async function expectNothingWritten(streamId: string, append: () => Promise<unknown>, expectedLength: number): Promise<void> {
    const headBefore = await ctx.store.headPosition();
    expect(await rejectionOf(append())).toBeInstanceOf(IdempotencyError);
    expect(await ctx.store.readStream(streamId)).toHaveLength(expectedLength);
    expect(await ctx.store.headPosition()).toBe(headBefore);
  }

  describe('all or nothing', () => {
    it('a batch with the same event id twice is refused whole', async () => {
      const [a, b] = sampleEvents(2);
      await expectNothingWritten('org-1', () => ctx.store.appendToStream('org-1', [a, b, { ...a }], 'no-stream'), 0);
      expect(await ctx.store.streamVersion('org-1')).toBe(0);
    });

    it('a batch whose later event is stored in another stream is refused whole', async () => {
      const elsewhere = sampleEvent();
      await ctx.store.appendToStream('org-2', [elsewhere], 'no-stream');

      await expectNothingWritten('org-1', () => ctx.store.appendToStream('org-1', [sampleEvent(), elsewhere], 'no-stream'), 0);
    });

    it('a refused batch leaves the stream as it was: the next append starts at version 1 from genesis', async () => {
      const [a] = sampleEvents(1);
      await rejectionOf(ctx.store.appendToStream('org-1', [a, { ...a }], 'no-stream'));

      await ctx.store.appendToStream('org-1', [sampleEvent()], 'no-stream');
      const [first] = await ctx.store.readStream('org-1');
      expect(first.streamVersion).toBe(1);
      expect(first.prevHash).toBe(GENESIS_HASH);
    });
  });

  describe('idempotent re-append', () => {
    it('the same batch again is acknowledged with the first result, without a second copy', async () => {
      const batch = sampleEvents(3);
      const first = await ctx.store.appendToStream('org-1', batch, 'no-stream');

      const again = await ctx.store.appendToStream('org-1', batch, 'no-stream');
      expect(again).toEqual({ nextVersion: first.nextVersion, lastPosition: first.lastPosition, alreadyStored: true });
      expect(await ctx.store.readAll()).toHaveLength(3);
    });

    it('a retried batch is acknowledged after the stream moved on, whatever version it states', async () => {
      const batch = sampleEvents(2);
      const first = await ctx.store.appendToStream('org-1', batch, 'no-stream');
      await ctx.store.appendToStream('org-1', [sampleEvent()], 2);

      for (const expected of ['no-stream', 0, 2, 3, 'any'] as const) {
        const again = await ctx.store.appendToStream('org-1', batch, expected);
        expect(again).toEqual({ nextVersion: 2, lastPosition: first.lastPosition, alreadyStored: true });
      }
      expect(await ctx.store.readStream('org-1')).toHaveLength(3);
    });

    it('a single event of an earlier batch is acknowledged with its own version and position', async () => {
      const batch = sampleEvents(3);
      await ctx.store.appendToStream('org-1', batch, 'no-stream');
      const stored = await ctx.store.readStream('org-1');

      const again = await ctx.store.appendToStream('org-1', [batch[1]], 3);
      expect(again).toEqual({ nextVersion: 2, lastPosition: stored[1].globalPosition, alreadyStored: true });
    });

    it('a batch partly stored is refused, whether the stored events come first or last', async () => {
      const [a, b, c] = sampleEvents(3);
      await ctx.store.appendToStream('org-1', [a, b], 'no-stream');

      await expectNothingWritten('org-1', () => ctx.store.appendToStream('org-1', [b, c], 2), 2);
      await expectNothingWritten('org-1', () => ctx.store.appendToStream('org-1', [c, a], 2), 2);
      await expectNothingWritten('org-1', () => ctx.store.appendToStream('org-1', [c, b], 'any'), 2);
      await expectNothingWritten('org-1', () => ctx.store.appendToStream('org-1', [a, b, c], 1), 2);
    });

    it('an event id stored in another stream is refused, not acknowledged', async () => {
      const event = sampleEvent();
      await ctx.store.appendToStream('org-1', [event], 'no-stream');

      await expectNothingWritten('org-2', () => ctx.store.appendToStream('org-2', [event], 'no-stream'), 0);
      await expectNothingWritten('org-2', () => ctx.store.appendToStream('org-2', [event], 'any'), 0);
    });
  });
}
