/** Where an event was entered. */
export type EventSource = 'cli' | 'web' | 'import' | 'system';

export interface EventMetadata {
  actor: string;
  /** ISO-8601 instant (UTC, `Z`) at which the ledger recorded the event. */
  recordedAt: string;
  source: EventSource;
  correlationId: string;
  causationId: string | null;
  /** Free extras (e.g. the imported file name); part of the hash like everything else. */
  [extra: string]: unknown;
}

/** An event as a handler proposes it; the store gives it a place and a hash. */
export interface NewEvent<D = unknown> {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: D;
  metadata: EventMetadata;
}

export interface StoredEvent<D = unknown> extends NewEvent<D> {
  streamId: string;
  /** 1 for the first event of a stream. */
  streamVersion: number;
  /** Store-wide order; assigned by the store, so it is not part of the hash (stores differ). */
  globalPosition: bigint;
  prevHash: string;
  hash: string;
}

/** The hash that precedes the first event of every stream. */
export const GENESIS_HASH = '0'.repeat(64);
