import { NewEvent, StoredEvent } from './envelope';

/**
 * The expected stream version for an append: a number (0 = the stream must be empty or absent),
 * `'no-stream'` (same as 0), or `'any'` (no check).
 */
export type ExpectedVersion = number | 'any' | 'no-stream';

export interface AppendResult {
  /** Stream version of the last event of the batch (after the append, or already stored). */
  nextVersion: number;
  /** Global position of the last event of the batch. */
  lastPosition: bigint;
  /** True when every event id was already stored: nothing was written. */
  alreadyStored: boolean;
}

export interface EventFilter {
  streamPrefix?: string;
  types?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: events with a global position greater than this (default 0n = from the start). */
  fromPosition?: bigint;
  /** Page size (default 1000). */
  maxCount?: number;
  filter?: EventFilter;
}

export interface ReadStreamOptions {
  /** Inclusive stream version to start at (default 1). */
  fromVersion?: number;
  maxCount?: number;
}

export interface SubscribeOptions {
  fromPosition?: bigint;
  filter?: EventFilter;
  /** How often a polling adapter looks for new events once caught up. */
  pollIntervalMs?: number;
}

/** A catch-up subscription: first the history after `fromPosition`, then live events, in order. */
export interface Subscription extends AsyncIterable<StoredEvent> {
  close(): Promise<void>;
}

/** The event store port. Every adapter passes the one contract suite in `contract/`. */
export interface EventStore {
  /** Appends all events or none. Throws ConcurrencyError when the stream is not at `expectedVersion`. */
  appendToStream(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult>;
  /** A stream's events in version order; a missing stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** One page of the whole store in global order. */
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /** The global position of the last stored event (0n when empty). */
  headPosition(): Promise<bigint>;
  /** Current version of a stream (0 when absent). */
  streamVersion(streamId: string): Promise<number>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  close(): Promise<void>;
}
