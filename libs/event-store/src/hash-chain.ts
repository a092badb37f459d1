import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { GENESIS_HASH, NewEvent, StoredEvent } from './envelope';

type HashedFields = Omit<StoredEvent, 'globalPosition' | 'hash'>;

/**
 * The canonical body the hash covers: the whole envelope except the store-assigned global
 * position and the hash itself. Written with the keys in sorted order, so it is byte for byte
 * `canonicalJson` of those fields, while the data and metadata texts can be reused for storage.
 */
function hashedBody(event: HashedFields, dataJson: string, metadataJson: string): string {
  return (
    `{"data":${dataJson},"eventId":${JSON.stringify(event.eventId)},"metadata":${metadataJson},` +
    `"prevHash":${JSON.stringify(event.prevHash)},"schemaVersion":${JSON.stringify(event.schemaVersion)},` +
    `"streamId":${JSON.stringify(event.streamId)},"streamVersion":${JSON.stringify(event.streamVersion)},` +
    `"type":${JSON.stringify(event.type)}}`
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function hashOf(event: HashedFields): string {
  if (event.data === undefined || event.metadata === undefined) {
    // Undefined members are dropped by the canonical form; spell that case out literally.
    const { eventId, streamId, streamVersion, type, schemaVersion, data, metadata, prevHash } = event;
    return sha256(canonicalJson({ eventId, streamId, streamVersion, type, schemaVersion, data, metadata, prevHash }));
  }
  return sha256(hashedBody(event, canonicalJson(event.data), canonicalJson(event.metadata)));
}

/**
 * An event with its place in the stream and its hash, plus the canonical JSON texts of its data
 * and metadata (what was hashed), which adapters may store as they are.
 */
export type ChainedEvent = Omit<StoredEvent, 'globalPosition'> & { dataJson: string; metadataJson: string };

/** The stored event a chained one becomes at `globalPosition` (without the JSON texts). */
export function storedEventOf(e: ChainedEvent, globalPosition: bigint): StoredEvent {
  return {
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    metadata: e.metadata,
    streamId: e.streamId,
    streamVersion: e.streamVersion,
    globalPosition,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

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
    const dataJson = canonicalJson(e.data);
    const metadataJson = canonicalJson(e.metadata);
    // Built whole and hashed in place: one object per event (bulk appends chain millions).
    const chained: ChainedEvent = {
      eventId: e.eventId,
      streamId,
      streamVersion: version,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      metadata: e.metadata,
      prevHash,
      hash: '',
      dataJson,
      metadataJson,
    };
    chained.hash = sha256(hashedBody(chained, dataJson, metadataJson));
    out.push(chained);
    prevHash = chained.hash;
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
