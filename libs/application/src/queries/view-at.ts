import type { LedgerView } from '../../../projections/src/ledger-view';
import { replayLedger } from '../../../projections/src/as-of';
import type { Ledger } from '../ledger';

/**
 * The ledger as it stands now (live read models, caught up), or as it stood at an instant (a
 * replay of the events recorded by then, through the same reducers).
 */
export async function viewAt(ledger: Ledger, asOf: string | undefined, orgId?: string): Promise<LedgerView> {
  // A replay is scoped to the organisation asked about (and its subtree): it must fit in memory.
  if (asOf) return replayLedger(ledger.store, { asOf, orgId });
  await ledger.catchUp();
  return ledger.view;
}
