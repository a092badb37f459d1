import type { Pool, PoolClient } from 'pg';
import { GENESIS_HASH, NewEvent } from '../envelope';
import { ConcurrencyError, IdempotencyError } from '../errors';
import { ChainedEvent, chainEvents } from '../hash-chain';
import { AppendResult, ExpectedVersion } from '../port';
import { alreadyStoredResult } from './already-stored';
import { PARSERS } from './event-row';
import { AppendStatements, EventStatements, MAX_ROWS_PER_STATEMENT } from './event-statements';
import { isUniqueViolation } from './pg-errors';
import { KnownHead, StreamHeads } from './stream-heads';

type Queryable = Pick<PoolClient, 'query'>;
type StreamHead = [streamVersion: number, hash: string, globalPosition: string];
type Written = [written: number, lastPosition: string | null];

const EVENT_ID_KEY = 'events_event_id_key';
const STREAM_VERSION_KEY = 'events_stream_version_key';

/** What an append needs from its store. */
export interface AppendTarget {
  pool: Pool;
  statements: EventStatements;
  appends: AppendStatements;
  /** The store's append lock (see below), as a decimal literal. */
  appendLockKey: string;
  heads: StreamHeads;
}

/**
 * Appends one batch, all or nothing, usually in one round trip: one statement that is its own
 * transaction (see `appendEventsSql`).
 *
 * The gap rule: every append takes one transaction-scoped advisory lock per store before it draws
 * positions from the sequence, and holds it through COMMIT. Appends therefore draw positions and
 * become visible in the same order, one after the other: a reader that sees position n has every
 * committed position below n in the same snapshot, and a catch-up cursor can never step over an
 * append still in flight (the gap bug of SQL event stores). PostgreSQL makes a commit visible
 * before it releases the transaction's locks, so the next holder starts after it.
 *
 * The expected version: the events are chained from the head the writer expects (remembered, or
 * read first), and UNIQUE (stream_id, stream_version) refuses them if another writer took that
 * place meanwhile; the statement also checks that the stream holds the head it continues from.
 * Idempotency as on SQLite: a replayed batch is acknowledged with its first result, whatever
 * expected version it states; a partly stored batch is refused. A failed statement wrote nothing.
 * An empty batch writes nothing and takes no lock: it only checks the expected version.
 */
export async function appendToPostgres(
  target: AppendTarget,
  streamId: string,
  events: readonly NewEvent[],
  expectedVersion: ExpectedVersion,
): Promise<AppendResult> {
  if (events.length === 0) {
    const head = await readHead(target.pool, target.statements, streamId);
    const actualVersion = head ? head[0] : 0;
    if (!versionMatches(expectedVersion, actualVersion)) throw new ConcurrencyError(streamId, expectedVersion, actualVersion);
    return { nextVersion: actualVersion, lastPosition: head ? BigInt(head[2]) : 0n, alreadyStored: false };
  }
  if (events.length > MAX_ROWS_PER_STATEMENT) return appendLocked(target, streamId, events, expectedVersion);

  const expected = expectedVersion === 'no-stream' ? 0 : expectedVersion;
  let from = expected === 'any' ? undefined : target.heads.at(streamId, expected, GENESIS_HASH);
  if (!from) {
    const head = await readHead(target.pool, target.statements, streamId);
    from = head ? { version: head[0], hash: head[1] } : { version: 0, hash: GENESIS_HASH };
    if (!versionMatches(expectedVersion, from.version)) return refuse(target.pool, target.statements, streamId, events, expectedVersion, from.version);
  }

  const chained = chainEvents(streamId, from.version, from.hash, events);
  let lastPosition: bigint | undefined;
  try {
    lastPosition = await writeChained(target.pool, target.appends, streamId, from, chained);
  } catch (error) {
    const idTaken = isUniqueViolation(error, EVENT_ID_KEY);
    if (!idTaken && !isUniqueViolation(error, STREAM_VERSION_KEY)) throw error;
    const replay = await alreadyStoredResult(target.pool, target.statements, streamId, events);
    if (replay) return replay;
    if (idTaken) throw collided(streamId);
    // Another writer took the version first. 'any' takes the lock first and appends at the head.
    if (expected === 'any') return appendLocked(target, streamId, events, expectedVersion);
    const head = await readHead(target.pool, target.statements, streamId);
    throw new ConcurrencyError(streamId, expectedVersion, head ? head[0] : 0);
  }
  if (lastPosition === undefined) {
    // The stream does not continue from the remembered head (it cannot be ahead of a head just read).
    target.heads.forget(streamId);
    return appendLocked(target, streamId, events, expectedVersion);
  }
  const last = chained[chained.length - 1];
  target.heads.saw(streamId, { version: last.streamVersion, hash: last.hash });
  return { nextVersion: last.streamVersion, lastPosition, alreadyStored: false };
}

/**
 * The exact path, one transaction on one connection: lock, read the head, append. For batches
 * longer than one statement, an 'any' append that lost a race, and a remembered head gone wrong.
 */
async function appendLocked(target: AppendTarget, streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
  const client = await target.pool.connect();
  let broken: Error | undefined;
  try {
    return await appendInTransaction(client, target, streamId, events, expectedVersion);
  } catch (error) {
    // A failed COMMIT or a lost connection leaves the client in doubt: drop it rather than reuse it.
    if (!(error instanceof ConcurrencyError) && !(error instanceof IdempotencyError)) {
      broken = error instanceof Error ? error : new Error(String(error));
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

async function appendInTransaction(
  client: PoolClient,
  target: AppendTarget,
  streamId: string,
  events: readonly NewEvent[],
  expectedVersion: ExpectedVersion,
): Promise<AppendResult> {
  const { statements } = target;
  // One round trip: the key is our own number, not user input, so it may be written inline.
  await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${target.appendLockKey})`);
  let open = true;
  const rollback = async () => {
    open = false;
    await client.query('ROLLBACK');
  };
  try {
    // Under the lock the head is exact: no other append can move it before COMMIT.
    const head = await readHead(client, statements, streamId);
    const from: KnownHead = head ? { version: head[0], hash: head[1] } : { version: 0, hash: GENESIS_HASH };
    if (!versionMatches(expectedVersion, from.version)) {
      await rollback();
      return await refuse(client, statements, streamId, events, expectedVersion, from.version);
    }
    const chained = chainEvents(streamId, from.version, from.hash, events);
    let lastPosition = 0n;
    for (let start = 0; start < chained.length; start += MAX_ROWS_PER_STATEMENT) {
      const chunk = chained.slice(start, start + MAX_ROWS_PER_STATEMENT);
      const previous = start === 0 ? from : { version: chained[start - 1].streamVersion, hash: chained[start - 1].hash };
      const written = await writeChained(client, target.appends, streamId, previous, chunk);
      if (written === undefined) throw new Error(`stream ${streamId} moved under the append lock`);
      lastPosition = written;
    }
    await client.query('COMMIT');
    open = false;
    const last = chained[chained.length - 1];
    target.heads.saw(streamId, { version: last.streamVersion, hash: last.hash });
    return { nextVersion: last.streamVersion, lastPosition, alreadyStored: false };
  } catch (error) {
    if (open) await client.query('ROLLBACK').catch(() => undefined);
    if (isUniqueViolation(error, EVENT_ID_KEY)) {
      // Some event id is already stored: nothing of this batch stayed.
      const replay = await alreadyStoredResult(client, statements, streamId, events);
      if (replay) return replay;
      throw collided(streamId);
    }
    if (isUniqueViolation(error, STREAM_VERSION_KEY)) {
      // Only a writer bypassing the append lock can get here; the database still refuses the duplicate.
      const head = await readHead(client, statements, streamId);
      throw new ConcurrencyError(streamId, expectedVersion, head ? head[0] : 0);
    }
    throw error;
  }
}

/**
 * Writes chained events that continue the stream from `from`, in one statement; the position of
 * the last, or undefined when the stream does not hold `from` (nothing written).
 */
async function writeChained(db: Queryable, appends: AppendStatements, streamId: string, from: KnownHead, chained: readonly ChainedEvent[]): Promise<bigint | undefined> {
  const values: unknown[] = [streamId, from.version, from.hash];
  for (const e of chained) values.push(e.eventId, e.streamVersion, e.type, e.schemaVersion, e.dataJson, e.metadataJson, e.prevHash, e.hash);
  const result = await db.query<Written>({ ...appends.forRows(chained.length), values, rowMode: 'array', types: PARSERS });
  const [written, lastPosition] = result.rows[0];
  if (written === 0 || lastPosition === null) return undefined;
  if (written !== chained.length) throw new Error(`append to ${streamId} wrote ${written} of ${chained.length} events`);
  return BigInt(lastPosition);
}

/** A version mismatch: the earlier result if the batch is a replay, a ConcurrencyError otherwise. */
async function refuse(
  db: Queryable,
  statements: EventStatements,
  streamId: string,
  events: readonly NewEvent[],
  expectedVersion: ExpectedVersion,
  actualVersion: number,
): Promise<AppendResult> {
  const replay = await alreadyStoredResult(db, statements, streamId, events);
  if (replay) return replay;
  throw new ConcurrencyError(streamId, expectedVersion, actualVersion);
}

function collided(streamId: string): IdempotencyError {
  return new IdempotencyError(`events for stream ${streamId} collided with event ids stored meanwhile; nothing was written`);
}

function versionMatches(expected: ExpectedVersion, actual: number): boolean {
  if (expected === 'any') return true;
  return (expected === 'no-stream' ? 0 : expected) === actual;
}

async function readHead(db: Queryable, statements: EventStatements, streamId: string): Promise<StreamHead | undefined> {
  const result = await db.query<StreamHead>({ ...statements.streamHead, values: [streamId], rowMode: 'array', types: PARSERS });
  return result.rows[0];
}
