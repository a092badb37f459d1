/**
 * A bounded cache of documents for a rebuild, whose tables nobody reads until they are swapped in:
 * a changed document is written only when it leaves the cache or at the end, so an org touched by
 * every event is written a handful of times instead of once per commit.
 */
export class WriteBackDocTable<D extends { id: string }> {
  private readonly entries = new Map<string, { doc: D; dirty: boolean }>();

  constructor(
    private readonly load: (id: string) => D | undefined,
    private readonly write: (doc: D) => void,
    private readonly capacity: number,
  ) {}

  get(id: string): D | undefined {
    const entry = this.entries.get(id);
    if (entry !== undefined) {
      this.entries.delete(id);
      this.entries.set(id, entry);
      return entry.doc;
    }
    const loaded = this.load(id);
    if (loaded !== undefined) this.add(id, loaded, false);
    return loaded;
  }

  put(doc: D): void {
    this.add(doc.id, doc, true);
  }

  /** Writes every changed document still cached (call inside a transaction). */
  flushAll(): void {
    for (const entry of this.entries.values()) {
      if (!entry.dirty) continue;
      this.write(entry.doc);
      entry.dirty = false;
    }
  }

  private add(id: string, doc: D, dirty: boolean): void {
    this.entries.delete(id);
    this.entries.set(id, { doc, dirty });
    if (this.entries.size <= this.capacity) return;
    const [oldestId, oldest] = this.entries.entries().next().value as [string, { doc: D; dirty: boolean }];
    this.entries.delete(oldestId);
    if (oldest.dirty) this.write(oldest.doc);
  }
}
