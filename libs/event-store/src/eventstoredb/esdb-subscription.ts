import { START, streamNameFilter } from '@eventstore/db-client';
import type { Filter } from '@eventstore/db-client';
import { StoredEvent } from '../envelope';
import { SubscribeOptions, Subscription } from '../port';
import { matchesFilter } from './all-reads';
import { decodeEvent } from './event-envelope';
import { EsdbContext } from './esdb-context';
import { readPositionOf } from './recorded-event';

/**
 * The server-side filter: ledger streams only, narrowed to the stream prefix. Event types are
 * matched here on the client, since the server filters on stream names or on types, not both.
 */
export function serverFilter(ctx: Pick<EsdbContext, 'naming'>, streamPrefix?: string): Filter {
  const prefix = ctx.naming.serverPrefix(streamPrefix);
  // Without any prefix, everything but the system streams.
  return prefix === '' ? streamNameFilter({ regex: '^[^$]' }) : streamNameFilter({ prefixes: [prefix] });
}

/**
 * A catch-up subscription to `$all` on the server: history after `fromPosition`, then live events,
 * pushed by the server (no polling). It is consumed with `for await`: the client's stream stops
 * reading from the server while the consumer is busy, so a slow projection holds the flow back
 * instead of buffering without bound.
 */
export function subscribeToLedger(ctx: EsdbContext, options: SubscribeOptions = {}): Subscription {
  const after = options.fromPosition !== undefined && options.fromPosition > ctx.floor ? options.fromPosition : ctx.floor;
  const source = ctx.client.subscribeToAll({
    fromPosition: after === 0n ? START : readPositionOf(after),
    filter: serverFilter(ctx, options.filter?.streamPrefix),
  });
  let closed = false;

  const stopSource = async (): Promise<void> => {
    await source.unsubscribe().catch(() => undefined);
    source.destroy();
  };

  async function* run(): AsyncGenerator<StoredEvent> {
    try {
      for await (const resolved of source) {
        if (!resolved.event) continue;
        const event = decodeEvent(resolved.event, ctx.naming);
        // A subscription from a position may start at that event; ours starts after it.
        if (!event || event.globalPosition <= after || !matchesFilter(event, options.filter)) continue;
        yield event;
      }
    } catch (error) {
      // Destroying the client's stream on close ends the loop with a premature-close error.
      if (!closed) throw error;
    } finally {
      closed = true;
      await stopSource();
    }
  }

  const iterator = run();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      if (!closed) {
        closed = true;
        await stopSource();
      }
      await iterator.return(undefined);
    },
  };
}
