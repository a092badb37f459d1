import type { EventStore } from '../../event-store/src';
import type { LedgerView } from '../../projections/src/ledger-view';

/**
 * The running ledger one process works with: the event store, the live read models over it, and
 * the projection runner that keeps them caught up. Handlers depend on this, never on an adapter.
 */
export interface Ledger {
  readonly store: EventStore;
  readonly view: LedgerView;
  /** Applies every stored event the read models have not seen yet. Cheap when nothing is new. */
  catchUp(): Promise<void>;
  /** Rebuilds the read models from the whole store. */
  rebuild(onProgress?: (done: number, total: number) => void): Promise<{ events: number }>;
  close(): Promise<void>;
}
