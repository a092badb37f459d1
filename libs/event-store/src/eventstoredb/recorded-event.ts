/**
 * The parts of a recorded event this adapter reads, as @eventstore/db-client hands them over
 * (its `RecordedEvent` fits this shape). Kept structural so decoding is testable without a server.
 */
export interface RecordLike {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  /** The event's place in `$all`; servers before 22.6 leave it out on stream reads. */
  position?: { commit: bigint; prepare: bigint };
}

/** What the server sends for "no position" (a uint64 -1). */
const NO_POSITION = 2n ** 64n - 1n;

/**
 * Our global position: the event's commit position in `$all`. Events appended without explicit
 * transactions (all gRPC appends) have commit = prepare = their own log position, one per event,
 * so it orders `$all` strictly and maps back to a read position exactly.
 */
export function globalPositionOf(record: RecordLike): bigint {
  const commit = record.position?.commit;
  if (commit === undefined || commit === NO_POSITION || commit < 0n) {
    throw new Error(
      `EventStoreDB 未返回事件 ${record.streamId}@${record.revision} 在 $all 中的位置，需要 22.10 及以上版本的服务器。` +
        `EventStoreDB did not report the $all position of event ${record.streamId}@${record.revision}; a server 22.10 or later is required.`,
    );
  }
  return commit;
}

/** The read position that starts at (forwards: includes) the event at `globalPosition`. */
export function readPositionOf(globalPosition: bigint): { commit: bigint; prepare: bigint } {
  return { commit: globalPosition, prepare: globalPosition };
}
