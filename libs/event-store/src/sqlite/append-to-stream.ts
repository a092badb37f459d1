import { GENESIS_HASH, NewEvent, StoredEvent } from '../envelope';
import { ConcurrencyError, IdempotencyError } from '../errors';
import { chainEvents } from '../hash-chain';
import { AppendResult, ExpectedVersion } from '../port';
import { EventStatements } from './statements';

type EventLocation = [streamId: string, streamVersion: bigint, globalPosition: bigint];
type StreamHead = [streamVersion: bigint, hash: string, globalPosition: bigint];

/** Checks made before any transaction: a bad batch is refused without touching the file. */
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
 * The body of one append; the caller runs it inside a single BEGIN IMMEDIATE transaction, so the
 * checks and the inserts see the same stream head and a throw leaves nothing written.
 *
 * Idempotency is decided before the version check (a writer retrying a batch that did commit, its
 * acknowledgement lost, holds a stale expected version and must still hear "done"), but looked up
 * lazily: only when the version check fails or an insert hits a stored event id. The outcome is the
 * same as checking every id first, without an index lookup per event on the common path.
 */
/**
 * Called inside the append's transaction with the events just stored and the store's head before
 * them, so an inline projection can commit together with the events (one durable commit).
 */
export type AfterAppendHook = (appended: readonly StoredEvent[], headBefore: bigint) => void;

export function appendInTransaction(
  statements: EventStatements,
  streamId: string,
  events: readonly NewEvent[],
  expectedVersion: ExpectedVersion,
  afterAppend?: AfterAppendHook,
): AppendResult {
  const head = statements.streamHead.get(streamId) as StreamHead | undefined;
  const actualVersion = head ? Number(head[0]) : 0;
  if (expectedVersion !== 'any') {
    const expected = expectedVersion === 'no-stream' ? 0 : expectedVersion;
    if (expected !== actualVersion) {
      const replay = alreadyStoredResult(statements, streamId, events);
      if (replay) return replay;
      throw new ConcurrencyError(streamId, expectedVersion, actualVersion);
    }
  }

  let lastPosition = head ? head[2] : 0n;
  const headBefore = afterAppend ? ((statements.headPosition.get() as bigint | null) ?? 0n) : 0n;
  const chained = chainEvents(streamId, actualVersion, head ? head[1] : GENESIS_HASH, events);
  const stored: StoredEvent[] = [];
  for (const e of chained) {
    try {
      const info = statements.insertEvent.run(
        e.eventId,
        streamId,
        e.streamVersion,
        e.type,
        e.schemaVersion,
        e.dataJson,
        e.metadataJson,
        e.prevHash,
        e.hash,
      );
      lastPosition = info.lastInsertRowid as bigint;
      if (afterAppend) {
        const { dataJson: _data, metadataJson: _metadata, ...event } = e;
        stored.push({ ...event, globalPosition: lastPosition });
      }
    } catch (error) {
      if (!isDuplicateEventId(error)) throw error;
      return replayOrRefuse(statements, streamId, events, e.eventId, e.streamVersion === actualVersion + 1);
    }
  }
  if (afterAppend && stored.length > 0) afterAppend(stored, headBefore);
  return { nextVersion: actualVersion + chained.length, lastPosition, alreadyStored: false };
}

/**
 * An insert met an event id that is already stored. If it was the batch's first event, nothing of
 * this batch is in the transaction yet and the stored ids tell whether this is a replay. If a
 * later event, the earlier ones were new: a partial overlap, refused (the caller's throw rolls back).
 */
function replayOrRefuse(
  statements: EventStatements,
  streamId: string,
  events: readonly NewEvent[],
  clashingId: string,
  isFirstOfBatch: boolean,
): AppendResult {
  if (isFirstOfBatch) {
    const replay = alreadyStoredResult(statements, streamId, events);
    if (replay) return replay;
  }
  const [storedIn] = statements.eventById.get(clashingId) as EventLocation;
  throw new IdempotencyError(
    storedIn === streamId
      ? `event ${clashingId} for stream ${streamId} is already stored but earlier events of its batch are not; a batch is replayed whole or not at all`
      : `event ${clashingId} is already stored in stream ${storedIn}, not in ${streamId}`,
  );
}

/**
 * Duck-typed rather than `instanceof`: the native addon keeps the SqliteError class of whichever
 * copy of better-sqlite3 loaded it first, which need not be the copy (or realm) this module sees.
 */
function isDuplicateEventId(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('events.event_id');
}

/**
 * When every event id of the batch is already in this stream, the result of that earlier append;
 * undefined when none is stored; IdempotencyError for a partial overlap or an id in another stream.
 */
function alreadyStoredResult(statements: EventStatements, streamId: string, events: readonly NewEvent[]): AppendResult | undefined {
  let storedHere = 0;
  let last: EventLocation | undefined;
  for (const event of events) {
    const found = statements.eventById.get(event.eventId) as EventLocation | undefined;
    if (!found) continue;
    if (found[0] !== streamId) {
      throw new IdempotencyError(`event ${event.eventId} is already stored in stream ${found[0]}, not in ${streamId}`);
    }
    storedHere += 1;
    last = found;
  }
  if (storedHere === 0 || !last) return undefined;
  if (storedHere < events.length) {
    throw new IdempotencyError(
      `${storedHere} of the ${events.length} events for stream ${streamId} are already stored; a batch is replayed whole or not at all`,
    );
  }
  return { nextVersion: Number(last[1]), lastPosition: last[2], alreadyStored: true };
}
