import { EventStore } from '../port';

/** How many events a store holds: global positions are not counts (gaps, or byte offsets in EventStoreDB). */
export async function countStoreEvents(store: EventStore, pageSize: number, signal?: AbortSignal): Promise<number> {
  let count = 0;
  let from = 0n;
  for (;;) {
    signal?.throwIfAborted();
    const page = await store.readAll({ fromPosition: from, maxCount: pageSize });
    if (page.length === 0) return count;
    count += page.length;
    from = page[page.length - 1].globalPosition;
  }
}
