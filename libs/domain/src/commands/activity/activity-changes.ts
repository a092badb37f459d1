import type { ActivityDetails } from '../../activity';

/** The fields of a record, in the order changes are reported. */
export const ACTIVITY_DETAIL_FIELDS: readonly (keyof ActivityDetails)[] = [
  'date',
  'kinds',
  'qualifier',
  'title',
  'place',
  'host',
  'speaker',
  'attendees',
  'headcount',
  'hours',
  'quantities',
  'groups',
  'note',
];

/**
 * Structural equality of JSON-like values, ignoring key order and treating a missing key as null:
 * stored details come back from a read model whose serialisation may differ from ours.
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
    for (const k of keys) if (!sameValue(ra[k], rb[k])) return false;
    return true;
  }
  return false;
}

/** Names of the fields that differ between two versions of a record. */
export function changedActivityFields(before: ActivityDetails, after: ActivityDetails): string[] {
  return ACTIVITY_DETAIL_FIELDS.filter((f) => !sameValue(before[f], after[f]));
}

export function sameActivityDetails(a: ActivityDetails, b: ActivityDetails): boolean {
  return changedActivityFields(a, b).length === 0;
}
