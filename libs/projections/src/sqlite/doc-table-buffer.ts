/**
 * Write-behind access to one rm_ table during a catch-up transaction: documents changed by the
 * batch wait in `dirty` and are written once each at `flush` (an activity logged and corrected in
 * the same batch is serialised once). Recently used documents stay in a bounded LRU cache between
 * batches, so an org touched by every event is parsed once, not once per event.
 */
export class DocTableBuffer<D extends { id: string }> {
  private readonly dirty = new Map<string, D>();
  private readonly cache = new Map<string, D>();

  constructor(
    private readonly load: (id: string) => D | undefined,
    private readonly write: (doc: D) => void,
    private readonly capacity: number,
  ) {}

  get(id: string): D | undefined {
    const pending = this.dirty.get(id);
    if (pending !== undefined) return pending;
    const cached = this.cache.get(id);
    if (cached !== undefined) {
      // Map keeps insertion order: re-inserting marks it most recently used.
      this.cache.delete(id);
      this.cache.set(id, cached);
      return cached;
    }
    const loaded = this.load(id);
    if (loaded !== undefined) this.remember(id, loaded);
    return loaded;
  }

  /** True when a document with this id was put since the last flush. */
  isPending(id: string): boolean {
    return this.dirty.has(id);
  }

  put(doc: D): void {
    this.dirty.set(doc.id, doc);
  }

  /** Writes every changed document; they stay cached as the newest. */
  flush(): void {
    for (const doc of this.dirty.values()) {
      this.write(doc);
      this.remember(doc.id, doc);
    }
    this.dirty.clear();
  }

  /** Forgets everything: after a rollback, or when another writer moved the checkpoint. */
  clear(): void {
    this.dirty.clear();
    this.cache.clear();
  }

  private remember(id: string, doc: D): void {
    this.cache.delete(id);
    this.cache.set(id, doc);
    if (this.cache.size > this.capacity) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
    }
  }
}
