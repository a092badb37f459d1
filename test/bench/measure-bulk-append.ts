import { performance } from 'node:perf_hooks';
import type { EventStore } from '../../libs/event-store/src';
import { ProgressBar } from '../../apps/cli/src/printers/progress-bar';
import { Figure, TARGETS } from './figures';
import { perSecond } from './percentile';
import type { Random } from './synthetic-activity';
import { ACTIVITY_BATCH_SIZE, SyntheticLedgerPlan, syntheticBatches } from './synthetic-ledger';

export interface BulkAppendOutcome {
  figure: Figure;
  /** Whole generation, envelopes built and appended (for the reader; not a target). */
  wallSeconds: number;
}

/**
 * Figure 2, and the data for figure 3: appends the plan's events with `appendToStream`, one
 * batch at a time. Only the append calls of the activity batches are timed; building the
 * envelopes is the generator's cost, not the store's.
 */
export async function fillStore(store: EventStore, plan: SyntheticLedgerPlan, random: Random): Promise<BulkAppendOutcome> {
  const bar = new ProgressBar('generate + append');
  const wallStarted = performance.now();
  let appended = 0;
  let timedEvents = 0;
  let timedMs = 0;
  let timedBatches = 0;
  for (const batch of syntheticBatches(plan, random)) {
    const started = performance.now();
    await store.appendToStream(batch.streamId, batch.events, batch.expectedVersion);
    const elapsed = performance.now() - started;
    if (batch.phase === 'activity') {
      timedMs += elapsed;
      timedEvents += batch.events.length;
      timedBatches += 1;
    }
    appended += batch.events.length;
    bar.update(appended, plan.totalEvents);
  }
  bar.finish();
  const wallSeconds = (performance.now() - wallStarted) / 1000;
  return {
    wallSeconds,
    figure: {
      id: 'bulkAppend',
      label: `bulk append: appendToStream × ${ACTIVITY_BATCH_SIZE}`,
      value: perSecond(timedEvents, timedMs),
      unit: 'events/s',
      target: TARGETS.bulkAppend,
      detail: `${timedEvents} activity events in ${timedBatches} batches, ${(timedMs / 1000).toFixed(2)} s inside the event store's appendToStream (no read model attached) (whole generation incl. building envelopes: ${perSecond(appended, wallSeconds * 1000).toFixed(0)} events/s)`,
    },
  };
}
