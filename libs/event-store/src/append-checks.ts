import { NewEvent } from './envelope';
import { IdempotencyError } from './errors';
import { AppendResult, ExpectedVersion } from './port';

/** Where an already stored event is: what the idempotency rule needs to answer a retried batch. */
export interface StoredLocation {
  streamId: string;
  streamVersion: number;
  globalPosition: bigint;
}

/**
 * Checks made before any adapter touches its database: a malformed batch is refused whole, the
 * same way on every store.
 */
export function assertAppendable(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): void {
  if (typeof streamId !== 'string' || streamId === '') throw new TypeError('stream id must be a non-empty string');
  const validVersion =
    expectedVersion === 'any' ||
    expectedVersion === 'no-stream' ||
    (typeof expectedVersion === 'number' && Number.isSafeInteger(expectedVersion) && expectedVersion >= 0);
  if (!validVersion) {
    throw new RangeError(`expected version must be a non-negative integer, 'no-stream' or 'any', got ${String(expectedVersion)}`);
  }
  const seen = new Set<string>();
  for (const event of events) {
    if (typeof event.eventId !== 'string' || event.eventId === '') throw new TypeError('event id must be a non-empty string');
    // JSON has no undefined: it could not be stored in a form that re-hashes to the same value.
    if (event.data === undefined || event.metadata === undefined) {
      throw new TypeError(`event ${event.eventId}: data and metadata must be JSON values, not undefined`);
    }
    if (seen.has(event.eventId)) {
      throw new IdempotencyError(`event ${event.eventId} appears twice in one batch for stream ${streamId}`);
    }
    seen.add(event.eventId);
  }
}

/**
 * The port's idempotency rule, given where each event of a batch is already stored (undefined:
 * not stored): none stored, go on (undefined); all stored in this stream, the earlier append's
 * result; a partial overlap or an id stored in another stream is refused.
 */
export function replayOutcome(
  streamId: string,
  events: readonly NewEvent[],
  locations: readonly (StoredLocation | undefined)[],
): AppendResult | undefined {
  let storedHere = 0;
  let last: StoredLocation | undefined;
  events.forEach((event, i) => {
    const location = locations[i];
    if (!location) return;
    if (location.streamId !== streamId) {
      throw new IdempotencyError(`event ${event.eventId} is already stored in stream ${location.streamId}, not in ${streamId}`);
    }
    storedHere += 1;
    last = location;
  });
  if (storedHere === 0 || !last) return undefined;
  if (storedHere < events.length) {
    throw new IdempotencyError(
      `${storedHere} of the ${events.length} events for stream ${streamId} are already stored; a batch is replayed whole or not at all`,
    );
  }
  const { streamVersion, globalPosition } = last as StoredLocation;
  return { nextVersion: streamVersion, lastPosition: globalPosition, alreadyStored: true };
}
