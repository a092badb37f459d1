import { performance } from 'node:perf_hooks';
import type { EventStore } from '../../libs/event-store/src';
import { ProgressBar } from '../../apps/cli/src/printers/progress-bar';
import { Figure, TARGETS } from './figures';
import { perSecond } from './percentile';
import type { Random } from './synthetic-activity';
import { ACTIVITY_BATCH_SIZE, SyntheticLedgerPlan, syntheticBatches } from './synthetic-ledger';

export interface BulkAppendOutcome {
  /** The single-event append figure, then the bulk append figure. */
  figures: [Figure, Figure];
  /** Whole generation, envelopes built and appended (for the reader; not a target). */
  wallSeconds: number;
}

/** Activity batches appended one event per call (for the single-append figure), at most. */
const SINGLE_APPEND_BATCHES = 20;

/**
 * Figure 2, and the data for figure 3: appends the plan's events with `appendToStream`, one
 * batch at a time. Only the append calls of the activity batches are timed; building the
 * envelopes is the generator's cost, not the store's. The first activity batches (20, or a
 * quarter of them on a small ledger) go in one event per call, each its own transaction: the
 * store's single-event figure, on the same events, so the store ends up holding the same ledger.
 */
export async function fillStore(store: EventStore, plan: SyntheticLedgerPlan, random: Random): Promise<BulkAppendOutcome> {
  const bar = new ProgressBar('generate + append');
  const wallStarted = performance.now();
  const singleBatches = Math.min(SINGLE_APPEND_BATCHES, Math.floor(Math.ceil(plan.activityEvents / ACTIVITY_BATCH_SIZE) / 4));
  let appended = 0;
  const bulk = { events: 0, ms: 0, batches: 0 };
  const single = { events: 0, ms: 0, batches: 0 };
  for (const batch of syntheticBatches(plan, random)) {
    if (batch.phase === 'activity' && single.batches < singleBatches) {
      let version = batch.expectedVersion;
      for (const event of batch.events) {
        const started = performance.now();
        version = (await store.appendToStream(batch.streamId, [event], version)).nextVersion;
        single.ms += performance.now() - started;
      }
      single.events += batch.events.length;
      single.batches += 1;
    } else {
      const started = performance.now();
      await store.appendToStream(batch.streamId, batch.events, batch.expectedVersion);
      const elapsed = performance.now() - started;
      if (batch.phase === 'activity') {
        bulk.ms += elapsed;
        bulk.events += batch.events.length;
        bulk.batches += 1;
      }
    }
    appended += batch.events.length;
    bar.update(appended, plan.totalEvents);
  }
  bar.finish();
  const wallSeconds = (performance.now() - wallStarted) / 1000;
  return {
    wallSeconds,
    figures: [
      {
        id: 'singleAppend',
        label: 'single append: appendToStream × 1',
        value: perSecond(single.events, single.ms),
        unit: 'events/s',
        target: TARGETS.singleAppend,
        detail: `${single.events} activity events of the first ${single.batches} batches appended one per call, each its own transaction, expected version stated; ${(single.ms / 1000).toFixed(2)} s inside appendToStream`,
      },
      {
        id: 'bulkAppend',
        label: `bulk append: appendToStream × ${ACTIVITY_BATCH_SIZE}`,
        value: perSecond(bulk.events, bulk.ms),
        unit: 'events/s',
        target: TARGETS.bulkAppend,
        detail: `${bulk.events} activity events in ${bulk.batches} batches, ${(bulk.ms / 1000).toFixed(2)} s inside the event store's appendToStream (no read model attached) (whole generation incl. building envelopes: ${perSecond(appended, wallSeconds * 1000).toFixed(0)} events/s)`,
      },
    ],
  };
}
