/**
 * Where a rebuild put each activity's row, found by id without the table's index (which a rebuild
 * builds once, after loading: a million random inserts into it cost several times the load).
 *
 * An open-addressing table of (32-bit hash of the id, rowid) pairs in two typed arrays: about
 * 16 bytes an activity and nothing for the garbage collector to trace. A hash is not an id, so a
 * lookup yields candidate rowids; the caller keeps the one whose row holds the id.
 */
export class ActivityLocator {
  private hashes: Int32Array;
  /** rowid + 1; 0 marks a free slot. */
  private slots: Int32Array;
  private count = 0;

  constructor(initialCapacity = 1 << 16) {
    const capacity = 1 << Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.hashes = new Int32Array(capacity);
    this.slots = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  add(id: string, rowid: number): void {
    if (!Number.isInteger(rowid) || rowid < 1 || rowid >= 0x7fffffff) throw new RangeError(`rowid ${rowid} does not fit the activity locator`);
    // Grown at a load of one half, so a probe for an absent id stays short.
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    this.place(hashOf(id), rowid + 1);
    this.count++;
  }

  /** Rowids whose id hashes like `id` (usually none, or the one row that holds it). */
  candidates(id: string): number[] {
    const hash = hashOf(id);
    const mask = this.slots.length - 1;
    const found: number[] = [];
    for (let i = hash & mask; this.slots[i] !== 0; i = (i + 1) & mask) {
      if (this.hashes[i] === hash) found.push(this.slots[i] - 1);
    }
    return found;
  }

  private place(hash: number, slot: number): void {
    const mask = this.slots.length - 1;
    let i = hash & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.hashes[i] = hash;
    this.slots[i] = slot;
  }

  private grow(): void {
    const { hashes, slots } = this;
    this.hashes = new Int32Array(slots.length * 2);
    this.slots = new Int32Array(slots.length * 2);
    for (let i = 0; i < slots.length; i++) if (slots[i] !== 0) this.place(hashes[i], slots[i]);
  }
}

/** FNV-1a over the UTF-16 code units, as a signed 32-bit integer. */
function hashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash | 0;
}
