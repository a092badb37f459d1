/** The last event of a stream as this store instance last saw it. */
export interface KnownHead {
  version: number;
  hash: string;
}

/** Streams remembered at most; the least recently used are forgotten first. */
const DEFAULT_CAPACITY = 10_000;

/**
 * Heads of streams this store instance appended to or read to the end: an append that states the
 * remembered version can chain its events at once and write them in one statement, without first
 * asking the database for the head. A remembered head is only a guess (another process may have
 * appended since); the append statement checks it, so a stale guess costs a retry, not a fork.
 * What it remembers never goes wrong, only out of date: the event at a version never changes.
 */
export class StreamHeads {
  private readonly heads = new Map<string, KnownHead>();

  constructor(private readonly capacity: number = DEFAULT_CAPACITY) {}

  /** The remembered head if it is at `version` (0: the genesis of an empty stream needs no memory). */
  at(streamId: string, version: number, genesisHash: string): KnownHead | undefined {
    if (version === 0) return { version: 0, hash: genesisHash };
    const head = this.heads.get(streamId);
    return head && head.version === version ? head : undefined;
  }

  /** Remembers a head seen in the database; an older one than already known is ignored. */
  saw(streamId: string, head: KnownHead): void {
    const known = this.heads.get(streamId);
    if (known && known.version > head.version) return;
    // Re-inserted so that Map order is least recently seen first.
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value as string);
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }
}
