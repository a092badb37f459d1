import type { Figure } from './figures';
import type { ResidentBreakdown } from './memory';

/**
 * What the bench asks of the serving process, and what it answers: the messages between
 * `measure-serving.ts` (the bench) and `serving-child.ts` (the process serving the ledger).
 */
export interface ServingRequest {
  storeUrl: string;
  /** `planSyntheticLedger` inputs: the child derives the same orgs and years the store was filled with. */
  events: number;
  tag: string;
  thisYear: number;
  tallyQueries: number;
  seed: number;
}

export interface ServingMemory {
  peakRssMb: number;
  now: ResidentBreakdown | undefined;
}

export type ServingResponse =
  | {
      ok: true;
      figures: Figure[];
      /** The child's own `maxRSS` over its whole life (boot, rebuild, queries). */
      peakRssMb: number;
      memoryAfterStage: Record<string, ServingMemory>;
    }
  | { ok: false; error: string };
