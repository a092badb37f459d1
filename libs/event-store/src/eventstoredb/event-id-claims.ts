import { END, BACKWARDS, jsonEvent, NO_STREAM } from '@eventstore/db-client';
import { StoredLocation } from '../append-checks';
import { NewEvent } from '../envelope';
import { isWrongExpectedVersion } from './client-errors';
import { EsdbContext } from './esdb-context';
import { serverEventUuid } from './event-uuid';
import { mapLimited } from './map-limited';
import { revisionOfVersion } from './revision';
import { drainRecords, FROM_LEADER, readLedgerStream } from './stream-reads';

/*
 * EventStoreDB has no index by event id: it dedupes an append only against the target stream, and
 * only when the expected revision lies behind the stream. The port promises more (an id stored
 * anywhere is never stored again), so each event id is claimed before its event is written: a
 * one-event stream per id, created with "no stream" expected, naming the ledger stream and the
 * version from which the event may be found there. A second writer of the same id meets the claim
 * and looks the event up in the named stream, from that version on (a short scan).
 *
 * A claim whose event never arrived (the append lost a race, or the process died in between) is
 * an orphan: the next writer of that id finds nothing where it points and takes it over, with the
 * claim's revision as expected revision so that only one writer can.
 */

const CLAIM_TYPE = 'TaizhangEventIdClaimed';
/** Requests in flight for one batch. */
const PARALLEL = 32;
/** Rounds of "take over an orphan, lose the race, look again" before giving up. */
const MAX_ROUNDS = 8;

interface ClaimData {
  streamId: string;
  /** The event, if stored, is in `streamId` at this version or later. */
  fromVersion: number;
  eventId: string;
}

interface Claim {
  revision: bigint;
  data: ClaimData;
}


async function readClaim(ctx: EsdbContext, uuid: string): Promise<Claim | undefined> {
  const name = ctx.naming.claimStream(uuid);
  const [last] = await drainRecords(ctx.client.readStream(name, { ...FROM_LEADER, fromRevision: END, direction: BACKWARDS, maxCount: 1 }));
  if (!last) return undefined;
  const data = last.data as Partial<ClaimData> | undefined;
  if (last.type !== CLAIM_TYPE || typeof data?.streamId !== 'string' || !Number.isSafeInteger(data.fromVersion) || typeof data.eventId !== 'string') {
    throw new Error(`stream ${name} holds an event that is not an event-id claim`);
  }
  return { revision: last.revision, data: data as ClaimData };
}

/** Writes a claim; false when another writer's claim is there (or got there first). */
async function writeClaim(ctx: EsdbContext, uuid: string, data: ClaimData, expectedRevision: bigint | typeof NO_STREAM): Promise<boolean> {
  try {
    await ctx.client.appendToStream(ctx.naming.claimStream(uuid), jsonEvent({ type: CLAIM_TYPE, data: { ...data } }), { expectedRevision });
    return true;
  } catch (error) {
    if (isWrongExpectedVersion(error)) return false;
    throw error;
  }
}

/**
 * Where the events named by `claims` are stored (undefined: not stored, or no claim): one scan per
 * claimed stream, from the lowest version any of its claims gives.
 */
async function locateClaimed(ctx: EsdbContext, eventIds: readonly string[], claims: readonly (Claim | undefined)[]): Promise<(StoredLocation | undefined)[]> {
  const fromByStream = new Map<string, number>();
  for (const claim of claims) {
    if (!claim) continue;
    const { streamId, fromVersion } = claim.data;
    fromByStream.set(streamId, Math.min(fromVersion, fromByStream.get(streamId) ?? fromVersion));
  }
  const found = new Map<string, StoredLocation>();
  for (const [streamId, fromVersion] of fromByStream) {
    for (const event of await readLedgerStream(ctx, streamId, Math.max(1, fromVersion))) {
      found.set(`${streamId}\u0000${event.eventId}`, { streamId, streamVersion: event.streamVersion, globalPosition: event.globalPosition });
    }
  }
  return eventIds.map((eventId, i) => {
    const claim = claims[i];
    return claim ? found.get(`${claim.data.streamId}\u0000${eventId}`) : undefined;
  });
}

/** Where each event of a batch is already stored, if anywhere; reads only. */
export async function locateEvents(ctx: EsdbContext, events: readonly NewEvent[]): Promise<(StoredLocation | undefined)[]> {
  const claims = await mapLimited(events, PARALLEL, (event) => readClaim(ctx, serverEventUuid(event.eventId)));
  if (claims.every((claim) => claim === undefined)) return claims.map(() => undefined);
  return locateClaimed(
    ctx,
    events.map((e) => e.eventId),
    claims,
  );
}

/**
 * Claims the ids of a batch about to be appended to `streamId` at `fromVersion` or later. Returns,
 * per event, where it is already stored (then it is not claimed), or undefined once the claim is
 * ours. `held` remembers claims won by earlier attempts of the same append, which stay valid
 * (a stream only grows, so "from version" still holds).
 */
export async function claimEventIds(
  ctx: EsdbContext,
  streamId: string,
  events: readonly NewEvent[],
  fromVersion: number,
  held: Set<string>,
): Promise<(StoredLocation | undefined)[]> {
  revisionOfVersion(fromVersion); // a positive version, or this throws
  const uuids = events.map((e) => serverEventUuid(e.eventId));
  const dataOf = (i: number): ClaimData => ({ streamId, fromVersion, eventId: events[i].eventId });
  const located = new Array<StoredLocation | undefined>(events.length).fill(undefined);
  let pending = uuids.map((_, i) => i).filter((i) => !held.has(uuids[i]));

  for (let round = 0; pending.length > 0; round++) {
    if (round === MAX_ROUNDS) {
      throw new Error(`stream ${streamId}: event ids kept being claimed by other writers; giving up after ${MAX_ROUNDS} rounds`);
    }
    const written = await mapLimited(pending, PARALLEL, (i) => writeClaim(ctx, uuids[i], dataOf(i), NO_STREAM));
    pending.forEach((i, k) => written[k] && held.add(uuids[i]));
    const taken = pending.filter((_, k) => !written[k]);
    if (taken.length === 0) break;

    const claims = await mapLimited(taken, PARALLEL, (i) => readClaim(ctx, uuids[i]));
    const locations = await locateClaimed(
      ctx,
      taken.map((i) => events[i].eventId),
      claims,
    );
    const orphans: { index: number; revision: bigint }[] = [];
    const retry: number[] = [];
    taken.forEach((i, k) => {
      const claim = claims[k];
      if (locations[k]) located[i] = locations[k];
      else if (claim) orphans.push({ index: i, revision: claim.revision });
      else retry.push(i);
    });
    const tookOver = await mapLimited(orphans, PARALLEL, ({ index, revision }) => writeClaim(ctx, uuids[index], dataOf(index), revision));
    orphans.forEach(({ index }, k) => (tookOver[k] ? held.add(uuids[index]) : retry.push(index)));
    pending = retry;
  }
  return located;
}
