import type { StoredEvent } from '../../event-store/src/envelope';
import type { EventFilter, EventStore } from '../../event-store/src/port';
import { orgStreamId, reportStreamId } from '../../domain/src';
import { applyEvent, emptyLedgerState, InMemoryLedgerView, LedgerState } from './in-memory-ledger';
import { descendantIdsOf } from './org-tree';

export interface ReplayOptions {
  /** ISO-8601 instant: only events whose `metadata.recordedAt` is at or before it. */
  asOf?: string;
  /** Only events at or before this global position. */
  toPosition?: bigint;
  /** Events per `readAll` page (default 5,000). */
  pageSize?: number;
  /**
   * Replay only what questions about this organisation and everything beneath it need: every
   * organisation, member and account event, but activities and recorded reports of that subtree only. A
   * whole-ledger replay of a province would not fit in memory; one branch's does in milliseconds.
   */
  orgId?: string;
}

/** What a scoped replay reads from the whole store: the tree, the rosters and the (few) accounts. */
const LEDGER_WIDE_EVENTS: EventFilter = {
  types: [
    'OrganizationRegistered',
    'OrganizationRenamed',
    'OrganizationMoved',
    'OrganizationDissolved',
    'MemberEnrolled',
    'MemberTransferred',
    'MemberStatusChanged',
    'MemberLeft',
    'AccountCreated',
    'AccountPasswordChanged',
    'AccountDisabled',
    'AccountEnabled',
  ],
};

/**
 * Rebuilds the ledger from the store, through the same reducers as the live read model, keeping
 * only what had been recorded by `asOf` (and/or up to `toPosition`): the ledger exactly as it
 * read then. Recording instants are compared per event rather than assumed to rise with the
 * position, so a skewed clock cannot cut the replay short.
 */
export async function replayLedger(store: EventStore, options: ReplayOptions = {}): Promise<InMemoryLedgerView> {
  const cutoffMs = options.asOf === undefined ? undefined : parseInstant(options.asOf);
  const toPosition = options.toPosition;
  const recordedInTime = (event: StoredEvent) =>
    (toPosition === undefined || event.globalPosition <= toPosition) &&
    (cutoffMs === undefined || Date.parse(event.metadata.recordedAt) <= cutoffMs);
  const state = emptyLedgerState();
  if (options.orgId === undefined) {
    await replayAll(store, state, recordedInTime, options.pageSize ?? 5000, toPosition);
    return new InMemoryLedgerView(state);
  }
  // The tree and rosters first, as they stood then; then the activity history and the reports of
  // the subtree. A report touches no other document, so folding its stream after the org's is safe.
  await replayAll(store, state, recordedInTime, options.pageSize ?? 5000, toPosition, LEDGER_WIDE_EVENTS);
  const organisationEvents = new Set(LEDGER_WIDE_EVENTS.types);
  for (const orgId of descendantIdsOf([...state.orgs.values()], options.orgId)) {
    for (const event of await store.readStream(orgStreamId(orgId))) {
      if (!organisationEvents.has(event.type) && recordedInTime(event)) applyEvent(state, event);
    }
    for (const event of await store.readStream(reportStreamId(orgId))) {
      if (recordedInTime(event)) applyEvent(state, event);
    }
  }
  return new InMemoryLedgerView(state);
}

async function replayAll(
  store: EventStore,
  state: LedgerState,
  include: (event: StoredEvent) => boolean,
  pageSize: number,
  toPosition: bigint | undefined,
  filter?: EventFilter,
): Promise<void> {
  let from = 0n;
  for (;;) {
    if (toPosition !== undefined && from >= toPosition) return;
    const page = await store.readAll({ fromPosition: from, maxCount: pageSize, filter });
    if (page.length === 0) return;
    for (const event of page) if (include(event)) applyEvent(state, event);
    from = page[page.length - 1].globalPosition;
  }
}

/** A zone is required: a bare date or local time would make "as of" depend on the machine. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function parseInstant(value: string): number {
  const ms = INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`asOf is not an ISO-8601 instant with a zone: ${value}`);
  return ms;
}
