import type { Pool, PoolClient } from 'pg';
import { GENESIS_HASH, NewEvent } from '../envelope';
import { ConcurrencyError, IdempotencyError } from '../errors';
import { ChainedEvent, chainEvents } from '../hash-chain';
import { AppendResult, ExpectedVersion } from '../port';
import { alreadyStoredResult } from './already-stored';
import { PARSERS } from './event-row';
import { EventStatements, INSERT_CHUNK_ROWS, insertEventsSql } from './event-statements';
import { isUniqueViolation } from './pg-errors';

type StreamHead = [streamVersion: number, hash: string, globalPosition: string];

/** What an append needs from its store. */
export interface AppendTarget {
  pool: Pool;
  schema: string;
  statements: EventStatements;
  /** The store's append lock (see `appendInTransaction`), as a decimal literal. */
  appendLockKey: string;
}

/**
 * Appends one batch in one transaction. An empty batch writes nothing and takes no lock: it only
 * checks the expected version.
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

/**
 * The gap rule: every append takes one transaction-scoped advisory lock per store before it draws
 * positions from the sequence, and holds it through COMMIT. Appends therefore draw positions and
 * become visible in the same order, one after the other: a reader that sees position n has every
 * committed position below n in the same snapshot, and a catch-up cursor can never step over an
 * append still in flight (the gap bug of SQL event stores). PostgreSQL makes a commit visible
 * before it releases the transaction's locks, so the next holder starts after it.
 *
 * The price is that appends to one store commit one at a time; a single commit costs about a
 * millisecond here, and the same lock makes the head read exact, so expected-version conflicts are
 * decided without a retry loop. UNIQUE (stream_id, stream_version) still guards against any writer
 * that bypasses the lock.
 *
 * Idempotency as on SQLite: a replayed batch is acknowledged with its first result, whatever
 * expected version it states; a partly stored batch is refused; both roll back first.
 */
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
    const head = await readHead(client, statements, streamId);
    const actualVersion = head ? head[0] : 0;
    if (!versionMatches(expectedVersion, actualVersion)) {
      await rollback();
      const replay = await alreadyStoredResult(client, statements, streamId, events);
      if (replay) return replay;
      throw new ConcurrencyError(streamId, expectedVersion, actualVersion);
    }

    const chained = chainEvents(streamId, actualVersion, head ? head[1] : GENESIS_HASH, events);
    const positions = await insertChained(client, target.schema, streamId, chained);
    if (positions.length !== chained.length) {
      // Some event id is already stored: nothing of this batch may stay.
      await rollback();
      const replay = await alreadyStoredResult(client, statements, streamId, events);
      if (replay) return replay;
      throw new IdempotencyError(`events for stream ${streamId} collided with event ids stored meanwhile; nothing was written`);
    }
    await client.query('COMMIT');
    open = false;
    let lastPosition = 0n;
    for (const position of positions) if (position > lastPosition) lastPosition = position;
    return { nextVersion: actualVersion + chained.length, lastPosition, alreadyStored: false };
  } catch (error) {
    if (open) await client.query('ROLLBACK').catch(() => undefined);
    if (isUniqueViolation(error, 'events_stream_version_key')) {
      // Only a writer bypassing the append lock can get here; the database still refuses the duplicate.
      const head = await readHead(client, statements, streamId);
      throw new ConcurrencyError(streamId, expectedVersion, head ? head[0] : 0);
    }
    throw error;
  }
}

/** Inserts the chained events in order, in chunks; the positions of the rows written. */
async function insertChained(client: PoolClient, schema: string, streamId: string, chained: readonly ChainedEvent[]): Promise<bigint[]> {
  const positions: bigint[] = [];
  for (let start = 0; start < chained.length; start += INSERT_CHUNK_ROWS) {
    const chunk = chained.slice(start, start + INSERT_CHUNK_ROWS);
    const values: unknown[] = [streamId];
    for (const e of chunk) values.push(e.eventId, e.streamVersion, e.type, e.schemaVersion, e.dataJson, e.metadataJson, e.prevHash, e.hash);
    const result = await client.query<[string]>({ text: insertEventsSql(schema, chunk.length), values, rowMode: 'array', types: PARSERS });
    for (const [position] of result.rows) positions.push(BigInt(position));
  }
  return positions;
}

function versionMatches(expected: ExpectedVersion, actual: number): boolean {
  if (expected === 'any') return true;
  return (expected === 'no-stream' ? 0 : expected) === actual;
}

async function readHead(db: Pick<PoolClient, 'query'>, statements: EventStatements, streamId: string): Promise<StreamHead | undefined> {
  const result = await db.query<StreamHead>({ ...statements.streamHead, values: [streamId], rowMode: 'array', types: PARSERS });
  return result.rows[0];
}
