import { BACKWARDS, END, FORWARDS } from '@eventstore/db-client';
import type { ReadRevision, ResolvedEvent, StreamingRead } from '@eventstore/db-client';
import { GENESIS_HASH, StoredEvent } from '../envelope';
import { isStreamNotFound } from './client-errors';
import { decodeLedgerEvent } from './event-envelope';
import { EsdbContext } from './esdb-context';
import { RecordLike } from './recorded-event';
import { revisionOfVersion } from './revision';

/**
 * Stream reads go to the leader: appends continue from what they read, and a lagging follower
 * (with `nodePreference=follower`) would only make them fail and retry.
 */
export const FROM_LEADER = { requiresLeader: true } as const;

/** Drains a stream read; a stream that does not exist reads as empty. */
export async function drainRecords(read: StreamingRead<ResolvedEvent>): Promise<RecordLike[]> {
  const records: RecordLike[] = [];
  try {
    for await (const resolved of read) {
      if (resolved.event) records.push(resolved.event);
    }
  } catch (error) {
    if (isStreamNotFound(error)) return [];
    throw error;
  }
  return records;
}

/** Server records of a stream (by its server name), forwards from a revision. */
export function readServerStream(ctx: EsdbContext, serverName: string, fromRevision: ReadRevision, maxCount?: number): Promise<RecordLike[]> {
  return drainRecords(
    ctx.client.readStream(serverName, { ...FROM_LEADER, fromRevision, direction: FORWARDS, ...(maxCount === undefined ? {} : { maxCount }) }),
  );
}

/** Ledger events of a stream from `fromVersion` (inclusive). */
export async function readLedgerStream(ctx: EsdbContext, streamId: string, fromVersion: number, maxCount?: number): Promise<StoredEvent[]> {
  const records = await readServerStream(ctx, ctx.naming.serverName(streamId), revisionOfVersion(fromVersion), maxCount);
  return records.map((record) => decodeLedgerEvent(record, ctx.naming));
}

/** The last event of a stream: what an append continues from. */
export interface StreamHead {
  /** 0 for an absent stream. */
  version: number;
  hash: string;
  /** Global position of the last event (0n for an absent stream). */
  position: bigint;
}

export async function readHead(ctx: EsdbContext, streamId: string): Promise<StreamHead> {
  const [last] = await drainRecords(
    ctx.client.readStream(ctx.naming.serverName(streamId), { ...FROM_LEADER, fromRevision: END, direction: BACKWARDS, maxCount: 1 }),
  );
  if (!last) return { version: 0, hash: GENESIS_HASH, position: 0n };
  const event = decodeLedgerEvent(last, ctx.naming);
  return { version: event.streamVersion, hash: event.hash, position: event.globalPosition };
}

/** The global position of the event at a stream version (just appended, so it exists). */
export async function positionAtVersion(ctx: EsdbContext, streamId: string, version: number): Promise<bigint> {
  const [event] = await readLedgerStream(ctx, streamId, version, 1);
  if (!event || event.streamVersion !== version) {
    throw new Error(`stream ${streamId}: version ${version} was acknowledged by the server but cannot be read back`);
  }
  return event.globalPosition;
}
