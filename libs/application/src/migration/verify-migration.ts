import type { ChainBreak } from '../../../event-store/src/hash-chain';
import type { EventStore } from '../../../event-store/src/port';
import { firstHeadDifference, HeadDifference, verifyStoreChains } from '../../../event-store/src/migrate/store-chains';
import { replayLedger } from '../../../projections/src/as-of';
import { compareLedgerTallies, TallyComparison } from './compare-ledger-tallies';
import { ReplayedLedger } from './replayed-ledger';

export interface MigrationVerification {
  ok: boolean;
  /** The target's hash chains, recomputed from its events. */
  chains: { ok: boolean; streams: number; events: number; firstBreak?: ChainBreak };
  /** Every stream ends on the same version and hash in both stores (so holds the same events). */
  heads: { equal: boolean; difference?: HeadDifference };
  /** The ledgers replayed from each store give the same tallies. */
  tallies: TallyComparison;
}

/**
 * After a migration: the target's chains verify, its streams end where the source's do, and both
 * stores replayed through the ledger's reducers give identical tallies. Uses the port only, so it
 * holds for any pair of adapters. Both ledgers are replayed in memory.
 */
export async function verifyMigration(source: EventStore, target: EventStore, pageSize = 5000): Promise<MigrationVerification> {
  const targetChains = await verifyStoreChains(target, { pageSize });
  const sourceChains = await verifyStoreChains(source, { pageSize });
  const difference = firstHeadDifference(sourceChains.heads, targetChains.heads);
  const sourceLedger = new ReplayedLedger(await replayLedger(source, { pageSize }));
  const targetLedger = new ReplayedLedger(await replayLedger(target, { pageSize }));
  const tallies = await compareLedgerTallies(sourceLedger, targetLedger);
  const chains = {
    ok: targetChains.ok,
    streams: targetChains.streams,
    events: targetChains.events,
    ...(targetChains.firstBreak ? { firstBreak: targetChains.firstBreak } : {}),
  };
  return {
    ok: chains.ok && !difference && !tallies.difference,
    chains,
    heads: difference ? { equal: false, difference } : { equal: true },
    tallies,
  };
}
