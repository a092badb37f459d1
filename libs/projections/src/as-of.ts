import type { EventStore } from '../../event-store/src/port';
import { applyEvent, emptyLedgerState, InMemoryLedgerView } from './in-memory-ledger';

export interface ReplayOptions {
  /** ISO-8601 instant: only events whose `metadata.recordedAt` is at or before it. */
  asOf?: string;
  /** Only events at or before this global position. */
  toPosition?: bigint;
  /** Events per `readAll` page (default 5,000). */
  pageSize?: number;
}

/**
 * Rebuilds the ledger from the store, through the same reducers as the live read model, keeping
 * only what had been recorded by `asOf` (and/or up to `toPosition`): the ledger exactly as it
 * read then. Recording instants are compared per event rather than assumed to rise with the
 * position, so a skewed clock cannot cut the replay short.
 */
export async function replayLedger(store: EventStore, options: ReplayOptions = {}): Promise<InMemoryLedgerView> {
  const cutoffMs = options.asOf === undefined ? undefined : parseInstant(options.asOf);
  const toPosition = options.toPosition;
  const pageSize = options.pageSize ?? 5000;
  const state = emptyLedgerState();
  let from = 0n;
  for (;;) {
    if (toPosition !== undefined && from >= toPosition) break;
    const page = await store.readAll({ fromPosition: from, maxCount: pageSize });
    if (page.length === 0) break;
    for (const event of page) {
      if (toPosition !== undefined && event.globalPosition > toPosition) break;
      if (cutoffMs === undefined || Date.parse(event.metadata.recordedAt) <= cutoffMs) applyEvent(state, event);
    }
    from = page[page.length - 1].globalPosition;
  }
  return new InMemoryLedgerView(state);
}

/** A zone is required: a bare date or local time would make "as of" depend on the machine. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function parseInstant(value: string): number {
  const ms = INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`asOf is not an ISO-8601 instant with a zone: ${value}`);
  return ms;
}
