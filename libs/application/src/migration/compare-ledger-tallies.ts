import { isDeepStrictEqual } from 'node:util';
import { computeTally } from '../../../projections/src/tally/compute-tally';
import type { TallyResult } from '../../../projections/src/tally/tally-result';
import type { ReplayedLedger } from './replayed-ledger';

/** The first place where two ledgers' figures disagree. */
export type TallyDifference =
  | { reason: 'org-missing'; orgId: string; missingIn: 'source' | 'target' }
  | { reason: 'metrics-differ'; orgId: string; year: number; rollup: boolean; source: TallyResult; target: TallyResult };

export interface TallyComparison {
  /** Tallies computed on each side and compared. */
  compared: number;
  orgs: number;
  years: number[];
  difference?: TallyDifference;
}

/** Years a tally accepts; an activity outside them could not be tallied on either side. */
const TALLY_YEARS = (y: number) => Number.isInteger(y) && y >= 1921 && y <= 9999;

/**
 * Computes the tally of every organisation for every year with activities, on its own and rolled
 * up, on both ledgers, and stops at the first pair that differs. Orgs and years are the union of
 * both sides, so something present on one side only cannot go unseen.
 */
export async function compareLedgerTallies(source: ReplayedLedger, target: ReplayedLedger): Promise<TallyComparison> {
  const sourceOrgs = await source.orgIds();
  const targetOrgs = new Set(await target.orgIds());
  for (const orgId of sourceOrgs) {
    if (!targetOrgs.has(orgId)) return { compared: 0, orgs: sourceOrgs.length, years: [], difference: { reason: 'org-missing', orgId, missingIn: 'target' } };
  }
  if (targetOrgs.size !== sourceOrgs.length) {
    const known = new Set(sourceOrgs);
    const orgId = [...targetOrgs].find((id) => !known.has(id)) ?? '';
    return { compared: 0, orgs: sourceOrgs.length, years: [], difference: { reason: 'org-missing', orgId, missingIn: 'source' } };
  }
  const years = [...new Set([...source.activityYears(), ...target.activityYears()])].filter(TALLY_YEARS).sort((a, b) => a - b);
  let compared = 0;
  for (const orgId of sourceOrgs) {
    for (const year of years) {
      for (const rollup of [false, true]) {
        const query = { orgId, year, rollup };
        const [a, b] = [await computeTally(source, query), await computeTally(target, query)];
        compared += 1;
        if (!isDeepStrictEqual(a, b)) {
          return { compared, orgs: sourceOrgs.length, years, difference: { reason: 'metrics-differ', orgId, year, rollup, source: a, target: b } };
        }
      }
    }
  }
  return { compared, orgs: sourceOrgs.length, years };
}
