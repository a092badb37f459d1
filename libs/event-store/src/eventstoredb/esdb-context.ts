import type { EventStoreDBClient } from '@eventstore/db-client';
import { StreamNaming } from './stream-naming';

/** What the adapter's operations share: one client, one naming, one lower bound in `$all`. */
export interface EsdbContext {
  readonly client: EventStoreDBClient;
  readonly naming: StreamNaming;
  /**
   * No event of this store lies at or before this `$all` position: 0n, or where a fresh
   * namespace began, so reads of a namespace need not scan the history before it.
   */
  readonly floor: bigint;
}
