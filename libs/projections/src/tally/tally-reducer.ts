import { ACTIVITY_KINDS, type CivilDate, type Quantity } from '../../../domain/src';
import type { ActivityFacts } from '../ledger-view';
import { countWeight, distinctKinds } from './activity-figures';
import { MemberNumbers } from './member-numbers';
import { compareMetrics, kindDefinesQualifier } from './metric-order';
import type { TallyMeasure, TallyMetric } from './tally-result';

/**
 * The tally as a pure fold: `tallyReducer(tally, activity, ctx) => tally`. A tally is an
 * immutable value; each step copies only the slot array and the buckets it touches, and keeps
 * activity ids and present-member lists in shared linked lists, so a step costs a few pointer
 * copies rather than O(everything seen). `tallyMetrics` turns the final value into sorted metrics.
 */

/** An immutable singly linked list, newest first: appending shares the whole tail. */
interface Cons<T> {
  readonly head: T;
  readonly tail: Cons<T> | null;
}
type IdList = Cons<string> | null;

interface QuantityFigure {
  readonly amount: number;
  readonly ids: IdList;
}

/** Running figures of one kind (qualifier null = the kind's total) or one of its qualifiers. */
export interface TallyBucket {
  readonly kind: string;
  readonly qualifier: string | null;
  readonly count: number;
  readonly countIds: IdList;
  readonly attendance: number;
  readonly attendanceIds: IdList;
  /** Present-member numbers of the activities that kept a list (participants = their union). */
  readonly present: Cons<readonly number[]> | null;
  readonly participantIds: IdList;
  readonly hours: number;
  readonly hoursIds: IdList;
  /** Keyed by unit (篇, 册…). */
  readonly quantities: ReadonlyMap<string, QuantityFigure>;
}

export interface Tally {
  /** Indexed by bucket slot (see `slotOf`); holes for buckets with no activity yet. */
  readonly buckets: ReadonlyArray<TallyBucket | undefined>;
  /** Shared by every tally folded from the same start; created by the first step. */
  readonly members: MemberNumbers | null;
}

export const EMPTY_TALLY: Tally = { buckets: [], members: null };

/** Which activities the tally is about: the period and the orgs (one, or a subtree). */
export interface TallyContext {
  from: CivilDate;
  to: CivilDate;
  orgIds: ReadonlySet<string>;
}

/** What one activity adds to every bucket of its kinds (computed once per activity). */
interface Contribution {
  id: string;
  attendance: number | null;
  present: readonly number[] | null;
  hours: number | null;
  quantities: readonly Quantity[];
}

export function tallyReducer(tally: Tally, activity: ActivityFacts, ctx: TallyContext): Tally {
  const details = activity.details;
  if (activity.voided || details.date < ctx.from || details.date > ctx.to || !ctx.orgIds.has(activity.orgId)) return tally;
  const kinds = distinctKinds(details);
  if (kinds.length === 0) return tally;

  const members = tally.members ?? new MemberNumbers();
  const present = members.presentNumbers(details.attendees);
  const contribution: Contribution = {
    id: activity.id,
    // From the attendee list when one is kept, else the bare headcount; null = no data.
    attendance: details.attendees.length > 0 ? present.length : details.headcount,
    present: details.attendees.length > 0 ? present : null,
    hours: details.hours,
    quantities: details.quantities,
  };
  const qualifier = details.qualifier;
  const buckets = tally.buckets.slice();
  for (const kind of kinds) {
    const weight = countWeight(details, kind);
    addTo(buckets, kind, null, weight, contribution);
    if (qualifier !== null && kindDefinesQualifier(kind, qualifier)) addTo(buckets, kind, qualifier, weight, contribution);
  }
  return { buckets, members };
}

/** Folds activities (any order; the view gives date order, which provenance keeps). */
export function foldTally(activities: readonly ActivityFacts[], ctx: TallyContext, start: Tally = EMPTY_TALLY): Tally {
  let tally = start;
  for (const activity of activities) tally = tallyReducer(tally, activity, ctx);
  return tally;
}

function addTo(buckets: Array<TallyBucket | undefined>, kind: string, qualifier: string | null, weight: number, c: Contribution): void {
  const slot = slotOf(kind, qualifier);
  const b = buckets[slot] ?? emptyBucket(kind, qualifier);
  let quantities = b.quantities;
  if (c.quantities.length > 0) {
    const next = new Map(quantities);
    const seenUnits = new Set<string>();
    for (const q of c.quantities) {
      const prev = next.get(q.unit);
      // One activity id per unit, even when the record lists two items in the same unit.
      const ids = seenUnits.has(q.unit) ? (prev?.ids ?? null) : cons(c.id, prev?.ids ?? null);
      seenUnits.add(q.unit);
      next.set(q.unit, { amount: (prev?.amount ?? 0) + q.amount, ids });
    }
    quantities = next;
  }
  buckets[slot] = {
    kind,
    qualifier,
    count: b.count + weight,
    countIds: cons(c.id, b.countIds),
    attendance: c.attendance === null ? b.attendance : b.attendance + c.attendance,
    attendanceIds: c.attendance === null ? b.attendanceIds : cons(c.id, b.attendanceIds),
    present: c.present === null ? b.present : cons(c.present, b.present),
    participantIds: c.present === null ? b.participantIds : cons(c.id, b.participantIds),
    hours: c.hours === null ? b.hours : b.hours + c.hours,
    hoursIds: c.hours === null ? b.hoursIds : cons(c.id, b.hoursIds),
    quantities,
  };
}

/**
 * A fixed small index per (kind, qualifier), so a step copies a short array instead of a keyed
 * map. Catalog buckets are numbered up front; a kind outside the catalog gets the next number the
 * first time it is seen (the registry only grows, so a number never changes meaning).
 */
interface KindSlots {
  total: number;
  byQualifier: Map<string, number>;
}
const SLOTS = new Map<string, KindSlots>();
let slotCount = 0;
for (const kind of ACTIVITY_KINDS) registerKind(kind.id, (kind.qualifiers ?? []).map((q) => q.id));

function registerKind(kind: string, qualifiers: readonly string[]): KindSlots {
  const slots: KindSlots = { total: slotCount++, byQualifier: new Map() };
  for (const q of qualifiers) slots.byQualifier.set(q, slotCount++);
  SLOTS.set(kind, slots);
  return slots;
}

function slotOf(kind: string, qualifier: string | null): number {
  const slots = SLOTS.get(kind) ?? registerKind(kind, []);
  if (qualifier === null) return slots.total;
  let slot = slots.byQualifier.get(qualifier);
  if (slot === undefined) {
    slot = slotCount++;
    slots.byQualifier.set(qualifier, slot);
  }
  return slot;
}

function emptyBucket(kind: string, qualifier: string | null): TallyBucket {
  return {
    kind,
    qualifier,
    count: 0,
    countIds: null,
    attendance: 0,
    attendanceIds: null,
    present: null,
    participantIds: null,
    hours: 0,
    hoursIds: null,
    quantities: new Map(),
  };
}

function cons<T>(head: T, tail: Cons<T> | null): Cons<T> {
  return { head, tail };
}

/** Oldest first (lists are built newest first). */
function toArray<T>(list: Cons<T> | null): T[] {
  const out: T[] = [];
  for (let node = list; node !== null; node = node.tail) out.push(node.head);
  return out.reverse();
}

/** The tally's metrics, sorted; a measure appears only when some activity stands behind it. */
export function tallyMetrics(tally: Tally): TallyMetric[] {
  const metrics: TallyMetric[] = [];
  // One mark per member; a bucket's own stamp tells whether it has counted that member yet.
  const marks = new Uint32Array(tally.members?.size ?? 0);
  let stamp = 0;
  for (const b of tally.buckets) {
    if (b === undefined) continue;
    metrics.push(metric(b, 'count', null, b.count, b.countIds));
    if (b.attendanceIds !== null) metrics.push(metric(b, 'attendance', null, b.attendance, b.attendanceIds));
    if (b.participantIds !== null) {
      stamp++;
      let people = 0;
      for (let node = b.present; node !== null; node = node.tail) {
        for (const n of node.head) {
          if (marks[n] !== stamp) {
            marks[n] = stamp;
            people++;
          }
        }
      }
      metrics.push(metric(b, 'participants', null, people, b.participantIds));
    }
    if (b.hoursIds !== null) metrics.push(metric(b, 'hours', null, tidy(b.hours), b.hoursIds));
    for (const [unit, q] of b.quantities) metrics.push(metric(b, 'quantity', unit, tidy(q.amount), q.ids));
  }
  return metrics.sort(compareMetrics);
}

// A plain literal: object spread here cost more than the whole fold (V8 slow path).
function metric(b: TallyBucket, measure: TallyMeasure, unit: string | null, value: number, ids: IdList): TallyMetric {
  return { kind: b.kind, qualifier: b.qualifier, measure, unit, value, activityIds: toArray(ids) };
}

/** Hides binary float noise (0.1 + 0.2) from sums of hours and amounts. */
function tidy(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
