import type { PoolClient } from 'pg';
import { NewEvent } from '../envelope';
import { replayOutcome, StoredLocation } from '../append-checks';
import { AppendResult } from '../port';
import { PARSERS } from './event-row';
import { EventStatements } from './event-statements';

type StoredAt = [eventId: string, streamId: string, streamVersion: number, globalPosition: string];

/**
 * When every event id of the batch is already in this stream, the result of that earlier append;
 * undefined when none is stored; IdempotencyError for a partial overlap or an id in another stream
 * (the rule every adapter shares).
 */
export async function alreadyStoredResult(
  client: Pick<PoolClient, 'query'>,
  statements: EventStatements,
  streamId: string,
  events: readonly NewEvent[],
): Promise<AppendResult | undefined> {
  if (events.length === 0) return undefined;
  const result = await client.query<StoredAt>({
    ...statements.eventsById,
    values: [events.map((e) => e.eventId)],
    rowMode: 'array',
    types: PARSERS,
  });
  const byId = new Map(result.rows.map((row) => [row[0], row]));
  const locations = events.map((event): StoredLocation | undefined => {
    const found = byId.get(event.eventId);
    return found && { streamId: found[1], streamVersion: found[2], globalPosition: BigInt(found[3]) };
  });
  return replayOutcome(streamId, events, locations);
}
