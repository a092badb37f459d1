import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { GENESIS_HASH, NewEvent, StoredEvent } from './envelope';

/** What the hash covers: the whole envelope except the store-assigned global position and the hash itself. */
export function hashOf(event: Omit<StoredEvent, 'globalPosition' | 'hash'>): string {
  const body = canonicalJson({
    eventId: event.eventId,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    prevHash: event.prevHash,
  });
  return createHash('sha256').update(body).digest('hex');
}

export type ChainedEvent = Omit<StoredEvent, 'globalPosition'>;

/**
 * Gives a batch of new events their stream versions and hashes, continuing a stream whose last
 * event has `lastVersion` and `lastHash` (0 and GENESIS_HASH for an empty stream).
 */
export function chainEvents(streamId: string, lastVersion: number, lastHash: string, events: readonly NewEvent[]): ChainedEvent[] {
  const out: ChainedEvent[] = [];
  let prevHash = lastHash || GENESIS_HASH;
  let version = lastVersion;
  for (const e of events) {
    version += 1;
    const partial = {
      eventId: e.eventId,
      streamId,
      streamVersion: version,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      metadata: e.metadata,
      prevHash,
    };
    const hash = hashOf(partial);
    out.push({ ...partial, hash });
    prevHash = hash;
  }
  return out;
}

export interface ChainBreak {
  streamId: string;
  streamVersion: number;
  eventId: string;
  reason: 'hash-mismatch' | 'prev-hash-mismatch' | 'version-gap';
}

/**
 * Incremental verifier: feed a stream's events in order; it reports the first event whose stored
 * hash or link does not match what the content says.
 */
export class StreamChainVerifier {
  private lastHash = GENESIS_HASH;
  private lastVersion = 0;
  private broken: ChainBreak | undefined;
  count = 0;

  constructor(readonly streamId: string) {}

  get firstBreak(): ChainBreak | undefined {
    return this.broken;
  }

  get head(): { version: number; hash: string } {
    return { version: this.lastVersion, hash: this.lastHash };
  }

  check(event: StoredEvent): ChainBreak | undefined {
    if (this.broken) return this.broken;
    this.count += 1;
    const at = (reason: ChainBreak['reason']): ChainBreak =>
      (this.broken = { streamId: this.streamId, streamVersion: event.streamVersion, eventId: event.eventId, reason });
    if (event.streamVersion !== this.lastVersion + 1) return at('version-gap');
    if (event.prevHash !== this.lastHash) return at('prev-hash-mismatch');
    if (hashOf(event) !== event.hash) return at('hash-mismatch');
    this.lastHash = event.hash;
    this.lastVersion = event.streamVersion;
    return undefined;
  }
}
