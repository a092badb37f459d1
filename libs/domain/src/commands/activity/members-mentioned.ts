import type { ActivityDetails } from '../../activity';
import { splitList } from '../validation/text';
import type { ActivityFieldsInput } from './activity-input';

/**
 * Every member id an activity input names (present, leave, absent, observers), split exactly as
 * the decider splits them, plus the stored attendees when correcting: the handler loads these
 * into ActivityFacts.members.
 */
export function memberIdsMentioned(input: ActivityFieldsInput, existing?: ActivityDetails): string[] {
  const ids = new Set<string>();
  for (const list of [input.attendees, input.leave, input.absent, input.observers]) {
    for (const id of splitList(list)) ids.add(id);
  }
  if (existing !== undefined) for (const a of existing.attendees) ids.add(a.memberId);
  return [...ids];
}
