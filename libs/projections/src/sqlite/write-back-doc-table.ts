interface Entry<D> {
  doc: D;
  dirty: boolean;
  /** Clock tick of the last get or put: the eviction order. */
  used: number;
}

/**
 * A bounded cache of documents for a rebuild, whose tables nobody reads until they are swapped in:
 * a changed document is written only when it leaves the cache or at the end, so an org touched by
 * every event is written a handful of times instead of once per commit.
 *
 * Every event touches its org's document, so a hit must cost next to nothing: it only stamps the
 * entry with a clock tick. When the cache overflows, the least recently used tenth is evicted at
 * once (one sort per many insertions instead of reordering a list on every hit).
 */
export class WriteBackDocTable<D extends { id: string }> {
  private readonly entries = new Map<string, Entry<D>>();
  private clock = 0;

  constructor(
    private readonly load: (id: string) => D | undefined,
    private readonly write: (doc: D) => void,
    private readonly capacity: number,
  ) {}

  get(id: string): D | undefined {
    const entry = this.entries.get(id);
    if (entry !== undefined) {
      entry.used = ++this.clock;
      return entry.doc;
    }
    const loaded = this.load(id);
    if (loaded !== undefined) this.add(id, { doc: loaded, dirty: false, used: ++this.clock });
    return loaded;
  }

  put(doc: D): void {
    const entry = this.entries.get(doc.id);
    if (entry === undefined) {
      this.add(doc.id, { doc, dirty: true, used: ++this.clock });
      return;
    }
    entry.doc = doc;
    entry.dirty = true;
    entry.used = ++this.clock;
  }

  /** Writes every changed document still cached (call inside a transaction). */
  flushAll(): void {
    for (const entry of this.entries.values()) {
      if (!entry.dirty) continue;
      this.write(entry.doc);
      entry.dirty = false;
    }
  }

  private add(id: string, entry: Entry<D>): void {
    this.entries.set(id, entry);
    if (this.entries.size > this.capacity) this.evict();
  }

  /** Leaves the cache a tenth below capacity, writing the changed documents it drops. */
  private evict(): void {
    const keep = this.capacity - Math.floor(this.capacity / 10);
    const oldestFirst = [...this.entries].sort((a, b) => a[1].used - b[1].used);
    for (const [id, entry] of oldestFirst.slice(0, this.entries.size - keep)) {
      this.entries.delete(id);
      if (entry.dirty) this.write(entry.doc);
    }
  }
}
