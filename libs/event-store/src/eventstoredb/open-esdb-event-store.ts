import { EventStore } from '../port';
import type { EsdbStoreOptions } from './esdb-event-store';
import { EsdbLocation } from './esdb-url';

/**
 * Opens the EventStoreDB store a parsed URL names and reaches the server once, so a wrong address
 * fails here rather than on first use. The adapter (and with it gRPC) is loaded only here: parsing
 * URLs and opening other stores never pay for it.
 */
export async function openEsdbEventStore(location: EsdbLocation, options?: EsdbStoreOptions): Promise<EventStore> {
  const { EsdbEventStore } = await import('./esdb-event-store');
  const store = await EsdbEventStore.open(location, options);
  try {
    await store.ready();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
