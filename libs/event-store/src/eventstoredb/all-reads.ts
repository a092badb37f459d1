import { BACKWARDS, END, FORWARDS, START } from '@eventstore/db-client';
import type { AllStreamResolvedEvent, ReadPosition, StreamingRead } from '@eventstore/db-client';
import { StoredEvent } from '../envelope';
import { EventFilter } from '../port';
import { decodeEvent } from './event-envelope';
import { EsdbContext } from './esdb-context';
import { globalPositionOf, readPositionOf, RecordLike } from './recorded-event';

/**
 * How many server events one request reads. `$all` also holds claims, system events and other
 * namespaces, which are skipped here (this client version cannot filter `$all` reads on the server).
 */
const SCAN_CHUNK = 512;

/** True when a ledger event passes the port's filter (stream prefix taken literally, case-sensitive). */
export function matchesFilter(event: StoredEvent, filter?: EventFilter): boolean {
  if (!filter) return true;
  if (filter.streamPrefix !== undefined && !event.streamId.startsWith(filter.streamPrefix)) return false;
  return filter.types === undefined || filter.types.includes(event.type);
}

async function drainAll(read: StreamingRead<AllStreamResolvedEvent>): Promise<RecordLike[]> {
  const records: RecordLike[] = [];
  for await (const resolved of read) {
    if (resolved.event) records.push(resolved.event);
  }
  return records;
}

/**
 * Up to `maxCount` ledger events after `fromPosition` (exclusive) in `$all` order. Forward reads
 * of `$all` include the event at the start position, so it is dropped here.
 */
export async function readAllPage(ctx: EsdbContext, fromPosition: bigint, maxCount: number, filter?: EventFilter): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  let after = fromPosition > ctx.floor ? fromPosition : ctx.floor;
  while (out.length < maxCount) {
    const start: ReadPosition = after === 0n ? START : readPositionOf(after);
    const records = await drainAll(ctx.client.readAll({ fromPosition: start, direction: FORWARDS, maxCount: SCAN_CHUNK }));
    for (const record of records) {
      const position = globalPositionOf(record);
      if (position <= after) continue;
      after = position;
      const event = decodeEvent(record, ctx.naming);
      if (event && matchesFilter(event, filter)) {
        out.push(event);
        if (out.length === maxCount) return out;
      }
    }
    if (records.length < SCAN_CHUNK) return out;
  }
  return out;
}

/** The global position of the last ledger event (0n when there is none), scanning `$all` backwards. */
export async function lastLedgerPosition(ctx: EsdbContext): Promise<bigint> {
  let before: ReadPosition = END;
  for (;;) {
    const records = await drainAll(ctx.client.readAll({ fromPosition: before, direction: BACKWARDS, maxCount: SCAN_CHUNK }));
    for (const record of records) {
      const position = globalPositionOf(record);
      if (position <= ctx.floor) return 0n;
      if (decodeEvent(record, ctx.naming)) return position;
      before = readPositionOf(position);
    }
    if (records.length < SCAN_CHUNK) return 0n;
  }
}

/** The position of the last event in `$all` of any kind: where a fresh namespace begins. */
export async function endOfAll(ctx: Pick<EsdbContext, 'client'>): Promise<bigint> {
  const [last] = await drainAll(ctx.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 }));
  return last ? globalPositionOf(last) : 0n;
}
