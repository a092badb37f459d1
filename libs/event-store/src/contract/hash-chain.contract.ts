/// <reference types="jest" />
import { GENESIS_HASH, StoredEvent } from '../envelope';
import { hashOf, StreamChainVerifier } from '../hash-chain';
import { ContractContext } from './contract-context';
import { sampleEvent, sampleEvents } from './sample-events';

/** Each stream is a hash chain the store builds with the shared `chainEvents` and hands back intact. */
export function hashChainContract(ctx: ContractContext): void {
  describe('hash chain', () => {
    function verify(streamId: string, events: readonly StoredEvent[]): StreamChainVerifier {
      const verifier = new StreamChainVerifier(streamId);
      for (const event of events) verifier.check(event);
      return verifier;
    }

    it('links every event to the one before, from the genesis hash, across appends', async () => {
      await ctx.store.appendToStream('org-1', sampleEvents(3), 'no-stream');
      await ctx.store.appendToStream('org-1', sampleEvents(2), 3);
      const events = await ctx.store.readStream('org-1');

      expect(events[0].prevHash).toBe(GENESIS_HASH);
      for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);
      for (const event of events) {
        expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(hashOf(event)).toBe(event.hash);
      }
    });

    it('gives each stream its own chain', async () => {
      await ctx.store.appendToStream('org-1', sampleEvents(2), 'no-stream');
      await ctx.store.appendToStream('org-2', sampleEvents(2), 'no-stream');

      const [first1] = await ctx.store.readStream('org-1');
      const [first2] = await ctx.store.readStream('org-2');
      expect(first1.prevHash).toBe(GENESIS_HASH);
      expect(first2.prevHash).toBe(GENESIS_HASH);
    });

    it('hands every stream back in a state StreamChainVerifier accepts', async () => {
      await ctx.store.appendToStream('org-1', sampleEvents(4), 'no-stream');
      await ctx.store.appendToStream('org-2', [sampleEvent()], 'no-stream');
      await ctx.store.appendToStream('org-1', [sampleEvent()], 'any');

      for (const streamId of ['org-1', 'org-2']) {
        const events = await ctx.store.readStream(streamId);
        const verifier = verify(streamId, events);
        expect(verifier.firstBreak).toBeUndefined();
        expect(verifier.count).toBe(events.length);
        expect(verifier.head).toEqual({ version: events.length, hash: events[events.length - 1].hash });
      }
    });
  });
}
