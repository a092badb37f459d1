import type { Attendee } from '../../../domain/src';

/**
 * Gives member ids small numbers so that "distinct people" becomes integer marking instead of
 * string hashing (the tally's hot spot). Append-only: a number never changes meaning, so every
 * tally derived from the same start can share one instance and the reducer stays observably pure.
 */
export class MemberNumbers {
  private readonly numbers = new Map<string, number>();
  /** Scratch for de-duplicating within one call: the call in which a number was last seen. */
  private readonly lastSeenIn: number[] = [];
  private calls = 0;

  get size(): number {
    return this.numbers.size;
  }

  /** Numbers of the distinct members marked present, in list order. */
  presentNumbers(attendees: readonly Attendee[]): number[] {
    const call = ++this.calls;
    const out: number[] = [];
    for (const a of attendees) {
      if (a.status !== 'present') continue;
      let n = this.numbers.get(a.memberId);
      if (n === undefined) {
        n = this.numbers.size;
        this.numbers.set(a.memberId, n);
      }
      if (this.lastSeenIn[n] === call) continue;
      this.lastSeenIn[n] = call;
      out.push(n);
    }
    return out;
  }
}
