import type { StoredEvent } from '../../../event-store/src/envelope';

/**
 * The activity changes a rebuild's load left out (see `FoldPart`), to be folded once the activity
 * table is indexed. Up to `limit` of them are kept as read, so that step need not read and decode
 * them again; past that only their stored types are kept, for a type-filtered read of the store.
 */
export class LeftOutChanges {
  readonly types = new Set<string>();
  private kept: StoredEvent[] | undefined = [];

  constructor(private readonly limit: number) {}

  add(event: StoredEvent): void {
    this.types.add(event.type);
    if (this.kept === undefined) return;
    if (this.kept.length < this.limit) this.kept.push(event);
    else this.kept = undefined;
  }

  /** Every change left out, in order; undefined when there were too many to keep. */
  get events(): readonly StoredEvent[] | undefined {
    return this.kept;
  }
}
