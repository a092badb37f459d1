import { ChainBreak, StreamChainVerifier } from '../hash-chain';
import { EventStore } from '../port';

/** The last verified event of a stream. */
export interface StreamHead {
  version: number;
  hash: string;
}

export interface StoreChainReport {
  ok: boolean;
  streams: number;
  events: number;
  /** Every stream's head as far as its chain verified (all of it when `ok`). */
  heads: Map<string, StreamHead>;
  /** The first broken event in global order, when any. */
  firstBreak?: ChainBreak;
}

export interface StoreChainOptions {
  pageSize?: number;
  signal?: AbortSignal;
}

/**
 * Reads the whole store through the port and recomputes every stream's hash chain: the store-level
 * counterpart of `taizhang verify`, usable on any adapter because it needs nothing but `readAll`.
 * It cannot see a stream's tail cut off (the chain of what remains is intact); comparing the heads
 * with another copy (`firstHeadDifference`) or with a read model's versions can.
 */
export async function verifyStoreChains(store: EventStore, options: StoreChainOptions = {}): Promise<StoreChainReport> {
  const pageSize = options.pageSize ?? 1000;
  const verifiers = new Map<string, StreamChainVerifier>();
  let firstBreak: ChainBreak | undefined;
  let events = 0;
  let from = 0n;
  for (;;) {
    options.signal?.throwIfAborted();
    const page = await store.readAll({ fromPosition: from, maxCount: pageSize });
    if (page.length === 0) break;
    for (const event of page) {
      let verifier = verifiers.get(event.streamId);
      if (!verifier) verifiers.set(event.streamId, (verifier = new StreamChainVerifier(event.streamId)));
      const broken = verifier.check(event);
      if (broken && !firstBreak) firstBreak = broken;
      events += 1;
    }
    from = page[page.length - 1].globalPosition;
  }
  const heads = new Map<string, StreamHead>();
  for (const [streamId, verifier] of verifiers) heads.set(streamId, verifier.head);
  return { ok: firstBreak === undefined, streams: verifiers.size, events, heads, ...(firstBreak ? { firstBreak } : {}) };
}

/** The first stream (by id) whose head differs between two stores; `undefined` on a side means absent. */
export interface HeadDifference {
  streamId: string;
  source: StreamHead | undefined;
  target: StreamHead | undefined;
}

/** Equal heads mean equal streams: each head hash covers its whole stream through the chain. */
export function firstHeadDifference(source: ReadonlyMap<string, StreamHead>, target: ReadonlyMap<string, StreamHead>): HeadDifference | undefined {
  const streamIds = [...new Set([...source.keys(), ...target.keys()])].sort();
  for (const streamId of streamIds) {
    const a = source.get(streamId);
    const b = target.get(streamId);
    if (!a || !b || a.version !== b.version || a.hash !== b.hash) return { streamId, source: a, target: b };
  }
  return undefined;
}
