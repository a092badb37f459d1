import type { DocStore } from '../reducers/apply-ledger-event';

/**
 * The documents of one kind a fold may touch, held in memory so the fold itself is synchronous
 * (`applyLedgerEvent` reads and writes through a `DocStore`). Before a page is folded, the ids its
 * events route to are loaded in one query (`missing` then `supply`); the fold then only reads
 * what is held, and what it puts is remembered as dirty until written.
 *
 * With `complete`, the set starts out holding every document of its table (a rebuild's table,
 * created empty): an id never seen is known to be absent and needs no query, except an id whose
 * document was trimmed away, which must be loaded back.
 */
export class PrefetchedDocs<D> implements DocStore<D> {
  /** null: known to be absent. */
  private readonly docs = new Map<string, D | null>();
  private readonly dirty = new Map<string, D>();
  private readonly trimmed = new Set<string>();

  constructor(
    private readonly idOf: (doc: D) => string,
    private readonly capacity: number,
    private readonly complete = false,
  ) {}

  /** Of these ids, those to load before folding. */
  missing(ids: Iterable<string>): string[] {
    const out = new Set<string>();
    for (const id of ids) {
      if (this.docs.has(id)) continue;
      if (this.complete && !this.trimmed.has(id)) this.docs.set(id, null);
      else out.add(id);
    }
    return [...out];
  }

  /** Takes in what a load of `ids` found; the others are absent. */
  supply(ids: readonly string[], found: readonly D[]): void {
    for (const id of ids) {
      this.docs.set(id, null);
      this.trimmed.delete(id);
    }
    for (const doc of found) this.docs.set(this.idOf(doc), doc);
  }

  get(id: string): D | undefined {
    const doc = this.docs.get(id);
    if (doc !== undefined) return doc ?? undefined;
    if (this.complete && !this.trimmed.has(id)) return undefined;
    // A fold that reads what was not prefetched would read a stale or missing document silently.
    throw new Error(`read-model document ${id} was read without being prefetched`);
  }

  /** False while nothing held needs a query to be known (a complete set never trimmed). */
  get mayNeedLoading(): boolean {
    return !this.complete || this.trimmed.size > 0;
  }

  put(doc: D): void {
    const id = this.idOf(doc);
    this.docs.set(id, doc);
    this.dirty.set(id, doc);
  }

  get dirtyCount(): number {
    return this.dirty.size;
  }

  get size(): number {
    return this.docs.size;
  }

  /** The documents put since the last call; they stay held, as clean. */
  takeDirty(): D[] {
    const docs = [...this.dirty.values()];
    this.dirty.clear();
    return docs;
  }

  /**
   * Drops the oldest clean entries once over capacity (to nine tenths of it), so a long-running
   * writer holds a bounded set. Dirty documents are never dropped: write them first.
   */
  trim(): void {
    if (this.docs.size <= this.capacity) return;
    const keep = this.capacity - Math.floor(this.capacity / 10);
    for (const id of this.docs.keys()) {
      if (this.docs.size <= keep) break;
      if (this.dirty.has(id)) continue;
      this.docs.delete(id);
      if (this.complete) this.trimmed.add(id);
    }
  }

  /** Forgets everything: after a rollback, or when the tables changed under it. */
  clear(): void {
    if (this.complete) throw new Error('a complete document set cannot forget what it holds');
    this.docs.clear();
    this.dirty.clear();
  }
}
