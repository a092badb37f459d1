/// <reference types="jest" />
import { StoredEvent } from '../envelope';
import { EventFilter } from '../port';
import { ContractContext, positionsOf, strictlyIncreasing } from './contract-context';
import { sampleEvent, sampleEvents } from './sample-events';

/** Reading the whole store a page at a time, in global order, optionally filtered. */
export function readAllContract(ctx: ContractContext): void {
  describe('readAll', () => {
    /** Ten events over streams whose ids share prefixes, and contain LIKE wildcards. */
    const layout: [streamId: string, type: string][] = [
      ['org-a', 'OrganizationRegistered'],
      ['org-ab', 'OrganizationRegistered'],
      ['member-1', 'MemberEnrolled'],
      ['org-a', 'ActivityLogged'],
      ['org-%_', 'ActivityLogged'],
      ['member-1', 'MemberTransferred'],
      ['org-ab', 'ActivityLogged'],
      ['org-a', 'ActivityVoided'],
      ['member-2', 'MemberEnrolled'],
      ['org-ab', 'ActivityLogged'],
    ];

    async function seed(): Promise<StoredEvent[]> {
      for (const [streamId, type] of layout) await ctx.store.appendToStream(streamId, [sampleEvent({ type })], 'any');
      const all = await ctx.store.readAll();
      expect(all.map((e) => [e.streamId, e.type])).toEqual(layout);
      return all;
    }

    async function readPages(pageSize: number, filter?: EventFilter): Promise<StoredEvent[][]> {
      const pages: StoredEvent[][] = [];
      let fromPosition = 0n;
      for (;;) {
        const page = await ctx.store.readAll({ fromPosition, maxCount: pageSize, filter });
        if (page.length === 0) return pages;
        pages.push(page);
        fromPosition = page[page.length - 1].globalPosition;
      }
    }

    it('pages through the whole store in global order', async () => {
      const all = await seed();

      const pages = await readPages(3);
      expect(pages.map((p) => p.length)).toEqual([3, 3, 3, 1]);
      expect(pages.flat()).toEqual(all);
      expect(strictlyIncreasing(positionsOf(all))).toBe(true);
    });

    it('reads after fromPosition, exclusively, and nothing after the head', async () => {
      const all = await seed();

      expect(await ctx.store.readAll({ fromPosition: all[3].globalPosition })).toEqual(all.slice(4));
      expect(await ctx.store.readAll({ fromPosition: await ctx.store.headPosition() })).toEqual([]);
    });

    it('reads at most 1000 events when no count is given', async () => {
      await ctx.store.appendToStream('org-bulk', sampleEvents(1001), 'no-stream');

      const first = await ctx.store.readAll();
      expect(first).toHaveLength(1000);
      const rest = await ctx.store.readAll({ fromPosition: first[999].globalPosition });
      expect(rest.map((e) => e.streamVersion)).toEqual([1001]);
    });

    it('filters by stream id prefix, taken literally', async () => {
      const all = await seed();
      const matching = (prefix: string) => all.filter((e) => e.streamId.startsWith(prefix));

      expect(await ctx.store.readAll({ filter: { streamPrefix: 'org-a' } })).toEqual(matching('org-a'));
      expect(await ctx.store.readAll({ filter: { streamPrefix: 'org-ab' } })).toEqual(matching('org-ab'));
      expect(await ctx.store.readAll({ filter: { streamPrefix: 'member-' } })).toEqual(matching('member-'));
      // SQL wildcards in a prefix are ordinary characters.
      expect((await ctx.store.readAll({ filter: { streamPrefix: 'org-%' } })).map((e) => e.streamId)).toEqual(['org-%_']);
      expect(await ctx.store.readAll({ filter: { streamPrefix: 'org_' } })).toEqual([]);
      expect(await ctx.store.readAll({ filter: { streamPrefix: 'ORG-' } })).toEqual([]);
    });

    it('filters by event type', async () => {
      const all = await seed();

      const read = await ctx.store.readAll({ filter: { types: ['MemberEnrolled', 'ActivityVoided'] } });
      expect(read).toEqual(all.filter((e) => e.type === 'MemberEnrolled' || e.type === 'ActivityVoided'));
      expect(read).toHaveLength(3);
    });

    it('combines both filters, and pages count matching events only', async () => {
      const all = await seed();
      const filter: EventFilter = { streamPrefix: 'org-', types: ['ActivityLogged'] };
      const expected = all.filter((e) => e.streamId.startsWith('org-') && e.type === 'ActivityLogged');

      const pages = await readPages(2, filter);
      expect(pages.map((p) => p.length)).toEqual([2, 2]);
      expect(pages.flat()).toEqual(expected);
    });
  });
}
