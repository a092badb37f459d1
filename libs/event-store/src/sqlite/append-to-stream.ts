import { replayOutcome, StoredLocation } from '../append-checks';
import { GENESIS_HASH, NewEvent, StoredEvent } from '../envelope';
import { ConcurrencyError, IdempotencyError } from '../errors';
import { chainEvents, storedEventOf } from '../hash-chain';
import { AppendResult, ExpectedVersion } from '../port';
import { EventStatements } from './statements';

type EventLocation = [streamId: string, streamVersion: bigint, globalPosition: bigint];
type StreamHead = [streamVersion: bigint, hash: string, globalPosition: bigint];

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
      if (afterAppend) stored.push(storedEventOf(e, lastPosition));
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

/** The idempotency rule (shared with the other adapters) over where the batch's ids are stored. */
function alreadyStoredResult(statements: EventStatements, streamId: string, events: readonly NewEvent[]): AppendResult | undefined {
  const locations = events.map((event): StoredLocation | undefined => {
    const found = statements.eventById.get(event.eventId) as EventLocation | undefined;
    return found && { streamId: found[0], streamVersion: Number(found[1]), globalPosition: found[2] };
  });
  return replayOutcome(streamId, events, locations);
}
