import type { ActivityDetails } from '../../../domain/src';

/** Figures of one activity that do not depend on the query: shared by tally and compliance. */

/** A joint 党小组会 counts once per participating group; everything else once. */
export function countWeight(details: ActivityDetails, kind: string): number {
  if (kind !== 'group-meeting' || details.groups.length === 0) return 1;
  return new Set(details.groups).size;
}

/** Distinct members marked present (observers, leave and absent are not attendance). */
export function presentMemberIds(details: ActivityDetails): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const a of details.attendees) {
    if (a.status === 'present' && !seen.has(a.memberId)) {
      seen.add(a.memberId);
      ids.push(a.memberId);
    }
  }
  return ids;
}

/** Distinct kinds, in the order recorded (a kind listed twice still counts once). */
export function distinctKinds(details: ActivityDetails): string[] {
  return details.kinds.length <= 1 ? details.kinds : [...new Set(details.kinds)];
}
