/// <reference types="jest" />
import { collect, ContractContext } from './contract-context';
import { sampleEvent, sampleEvents } from './sample-events';

/** Catch-up subscriptions: history first, then live events, in global order, until closed. */
export function subscriptionContract(ctx: ContractContext): void {
  describe('catch-up subscription', () => {
    // Short polls keep the test quick for polling adapters; nothing below depends on timing.
    const pollIntervalMs = 10;

    it('delivers history, then a live append, in order; close() ends it', async () => {
      await ctx.store.appendToStream('org-1', sampleEvents(2), 'no-stream');
      await ctx.store.appendToStream('org-2', [sampleEvent()], 'no-stream');
      const subscription = ctx.store.subscribeToAll({ pollIntervalMs });
      const collector = collect(subscription);

      await collector.until(3);
      const live = sampleEvent();
      await ctx.store.appendToStream('org-1', [live], 2);
      await collector.until(4);
      await subscription.close();
      await collector.done;

      expect(collector.received).toEqual(await ctx.store.readAll());
      expect(collector.received[3].eventId).toBe(live.eventId);
    });

    it('starts after fromPosition and delivers only events matching the filter', async () => {
      const seeded = [
        sampleEvent({ type: 'ActivityLogged' }),
        sampleEvent({ type: 'ActivityLogged' }),
        sampleEvent({ type: 'MemberEnrolled' }),
        sampleEvent({ type: 'ActivityLogged' }),
      ];
      for (const event of seeded) await ctx.store.appendToStream('org-1', [event], 'any');
      const [first] = await ctx.store.readAll({ maxCount: 1 });
      const subscription = ctx.store.subscribeToAll({
        fromPosition: first.globalPosition,
        filter: { types: ['ActivityLogged'] },
        pollIntervalMs,
      });
      const collector = collect(subscription);

      await collector.until(2);
      await ctx.store.appendToStream('member-1', [sampleEvent({ type: 'MemberEnrolled' })], 'any');
      // A matching event after the unmatched one: once it arrives, everything before it has been seen.
      const sentinel = sampleEvent({ type: 'ActivityLogged' });
      await ctx.store.appendToStream('org-9', [sentinel], 'any');
      await collector.until(3);
      await subscription.close();
      await collector.done;

      expect(collector.received.map((e) => e.eventId)).toEqual([seeded[1].eventId, seeded[3].eventId, sentinel.eventId]);
    });

    it('ends a subscription closed while it waits for new events', async () => {
      const subscription = ctx.store.subscribeToAll({ pollIntervalMs });
      const collector = collect(subscription);
      await ctx.store.appendToStream('org-1', [sampleEvent()], 'no-stream');
      await collector.until(1);

      await subscription.close();
      await collector.done;
      expect(collector.received).toHaveLength(1);
    });
  });
}
