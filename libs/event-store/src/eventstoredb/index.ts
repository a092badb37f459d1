/*
 * The EventStoreDB / KurrentDB adapter. Only URL handling and a lazy opener are exported from
 * here, so importing this folder does not load the client library.
 */
export { isEsdbUrl, parseEsdbUrl } from './esdb-url';
export type { EsdbLocation } from './esdb-url';
export { openEsdbEventStore } from './open-esdb-event-store';
export type { EsdbEventStore, EsdbStoreOptions } from './esdb-event-store';
