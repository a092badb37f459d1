import { seededRandom } from '../../libs/application/src/demo/seeded-random';
import { bootBenchApp } from './bench-app';
import type { Figure } from './figures';
import { measureRebuild } from './measure-rebuild';
import { measureTally } from './measure-tally';
import { peakRssMb, residentBreakdown } from './memory';
import type { ServingMemory, ServingRequest, ServingResponse } from './serving-protocol';
import { planSyntheticLedger } from './synthetic-ledger';

/**
 * The process the memory target is about: one that serves an already filled ledger, as `taizhang`
 * would. It boots the application on the store, rebuilds the read model, answers tally queries and
 * reports its figures and its own peak RSS to the bench that forked it. It never saw the synthetic
 * generator, whose memory is the bench's, not the ledger's.
 */
async function serve(request: ServingRequest): Promise<ServingResponse> {
  const memoryAfterStage: Record<string, ServingMemory> = {};
  const stageDone = (stage: string) => {
    memoryAfterStage[stage] = { peakRssMb: peakRssMb(), now: residentBreakdown() };
  };
  const plan = planSyntheticLedger(request.events, request.tag, request.thisYear);
  const app = await bootBenchApp(request.storeUrl);
  try {
    stageDone('boot');
    const figures: Figure[] = [await measureRebuild(app)];
    stageDone('rebuild');
    figures.push(...(await measureTally(app, plan, seededRandom(request.seed), request.tallyQueries)));
    stageDone('tally');
    return { ok: true, figures, peakRssMb: peakRssMb(), memoryAfterStage };
  } finally {
    await app.close();
  }
}

process.once('message', (request: ServingRequest) => {
  serve(request)
    .catch((error: unknown): ServingResponse => ({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }))
    .then((response) => process.send?.(response, () => process.disconnect()));
});
