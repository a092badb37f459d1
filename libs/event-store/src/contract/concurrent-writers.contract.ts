/// <reference types="jest" />
import { NewEvent } from '../envelope';
import { ConcurrencyError } from '../errors';
import { StreamChainVerifier } from '../hash-chain';
import { EventStore } from '../port';
import { barrier, ContractContext } from './contract-context';
import { sampleEvent, sampleEvents } from './sample-events';

/**
 * Two store instances on one backend (two processes, two servers) writing the same stream:
 * expected versions must make exactly one writer win each version, and retries lose nothing.
 */
export function concurrentWritersContract(ctx: ContractContext): void {
  describe('two store instances on the same backend', () => {
    async function withSecondInstance(test: (other: EventStore) => Promise<void>): Promise<void> {
      const other = await ctx.openAnother();
      try {
        await test(other);
      } finally {
        await other.close();
      }
    }

    it('see each other’s appends', () =>
      withSecondInstance(async (other) => {
        const event = sampleEvent();
        await ctx.store.appendToStream('org-1', [event], 'no-stream');

        expect((await other.readStream('org-1')).map((e) => e.eventId)).toEqual([event.eventId]);
        expect(await other.headPosition()).toBe(await ctx.store.headPosition());
      }));

    it('let exactly one of two writers win each version', () =>
      withSecondInstance(async (other) => {
        for (let version = 0; version < 5; version++) {
          const mine = sampleEvent();
          const theirs = sampleEvent();
          const outcomes = await Promise.allSettled([
            ctx.store.appendToStream('org-race', [mine], version),
            other.appendToStream('org-race', [theirs], version),
          ]);

          const won = outcomes.filter((o) => o.status === 'fulfilled');
          const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
          expect(won).toHaveLength(1);
          expect(lost).toHaveLength(1);
          expect(lost[0].reason).toBeInstanceOf(ConcurrencyError);
          expect(lost[0].reason).toMatchObject({ actualVersion: version + 1 });
          const winner = outcomes[0].status === 'fulfilled' ? mine : theirs;
          const stored = await other.readStream('org-race', { fromVersion: version + 1 });
          expect(stored.map((e) => e.eventId)).toEqual([winner.eventId]);
        }
      }));

    it('lose nothing when writers retry on conflict', () =>
      withSecondInstance(async (other) => {
        const writers = 4;
        const perWriter = 8;
        const instances = [ctx.store, other];
        const planned: NewEvent[][] = Array.from({ length: writers }, () => sampleEvents(perWriter));
        // All writers read version 0 before any of them appends, so the first round must conflict.
        const allHaveRead = barrier(writers);
        let conflicts = 0;

        await Promise.all(
          planned.map(async (events, w) => {
            const store = instances[w % instances.length];
            let first = true;
            for (const event of events) {
              for (;;) {
                const version = await store.streamVersion('org-race');
                if (first) await allHaveRead();
                first = false;
                try {
                  await store.appendToStream('org-race', [event], version);
                  break;
                } catch (error) {
                  if (!(error instanceof ConcurrencyError)) throw error;
                  expect(error.actualVersion).toBeGreaterThan(version);
                  conflicts += 1;
                }
              }
            }
          }),
        );

        const stored = await ctx.store.readStream('org-race');
        expect(stored.map((e) => e.streamVersion)).toEqual(Array.from({ length: writers * perWriter }, (_, i) => i + 1));
        expect(new Set(stored.map((e) => e.eventId))).toEqual(new Set(planned.flat().map((e) => e.eventId)));
        for (const events of planned) {
          // Each writer's own events keep its order.
          const versions = events.map((e) => stored.find((s) => s.eventId === e.eventId)?.streamVersion ?? -1);
          expect(versions).toEqual([...versions].sort((a, b) => a - b));
        }
        expect(conflicts).toBeGreaterThanOrEqual(writers - 1);
        const verifier = new StreamChainVerifier('org-race');
        for (const event of stored) verifier.check(event);
        expect(verifier.firstBreak).toBeUndefined();
      }));

    it("keep every event appended with 'any' from both instances, in one unbroken chain", () =>
      withSecondInstance(async (other) => {
        const batches = Array.from({ length: 20 }, () => sampleEvents(3));
        await Promise.all(batches.map((batch, i) => (i % 2 === 0 ? ctx.store : other).appendToStream('org-any', batch, 'any')));

        const stored = await other.readStream('org-any');
        expect(stored.map((e) => e.streamVersion)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
        for (const batch of batches) {
          // A batch stays contiguous: no other writer's events land inside it.
          const at = stored.findIndex((e) => e.eventId === batch[0].eventId);
          expect(stored.slice(at, at + 3).map((e) => e.eventId)).toEqual(batch.map((e) => e.eventId));
        }
        const verifier = new StreamChainVerifier('org-any');
        for (const event of stored) verifier.check(event);
        expect(verifier.firstBreak).toBeUndefined();
      }));
  });
}
