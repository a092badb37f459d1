import { IssueList } from '../errors';
import { ACTIVITY_CORRECTED } from '../events/activity-corrected';
import type { ActivityFieldsInput } from './activity/activity-input';
import { activityInputOf } from './activity/activity-input-of';
import { changedActivityFields } from './activity/activity-changes';
import { normalizeActivity } from './activity/normalize-activity';
import type { DecidedEvent } from './decided-event';
import type { CorrectActivityFacts } from './facts';
import { checkLiveActivity } from './validation/activity-lookup';
import { requireId } from './validation/ids';
import { checkReason } from './validation/names';
import { present } from './validation/present';
import { cleanText, TextInput } from './validation/text';

/** Only the fields given (not undefined) change; an empty string or null clears a field. */
export interface CorrectActivityInput extends ActivityFieldsInput {
  activityId: TextInput;
  reason: TextInput;
}

export function decideCorrectActivity(input: CorrectActivityInput, facts: CorrectActivityFacts): DecidedEvent[] {
  const issues = new IssueList();
  const activityId = requireId(issues, 'activityId', input.activityId, '活动编号');
  const existing = checkLiveActivity(issues, activityId, facts.existing, '更正');
  const reason = checkReason(issues, 'reason', input.reason, '更正');
  if (existing === undefined) issues.throwIfAny();
  const stored = present(existing);

  const givenOrg = cleanText(input.orgId);
  if (givenOrg !== null && givenOrg !== stored.orgId) {
    issues.add('orgId', `不能更正活动所属组织（${stored.orgId} → ${givenOrg}）；请作废后在正确的组织下重新登记`, 'the org of an activity cannot be corrected');
  }

  const merged = mergeFields(activityInputOf(stored.orgId, stored.details), input);
  const details = normalizeActivity(issues, merged, stored.orgId, facts);
  // Only one quantity is editable; untouched, the stored list (possibly several) stays as it was.
  if (input.quantity === undefined && input.unit === undefined && input.item === undefined) {
    details.quantities = stored.details.quantities.map((q) => ({ ...q }));
  }

  const changedFields = changedActivityFields(stored.details, details);
  if (changedFields.length === 0 && issues.empty) {
    issues.add('activity', '没有需要更正的内容', 'the correction changes nothing');
  }
  issues.throwIfAny();
  return [
    {
      type: ACTIVITY_CORRECTED,
      data: { activityId: stored.id, orgId: stored.orgId, activity: details, changedFields, reason: present(reason) },
    },
  ];
}

/** The stored fields with every field the correction gives laid over them. */
function mergeFields(base: ActivityFieldsInput, given: ActivityFieldsInput): ActivityFieldsInput {
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  return {
    orgId: base.orgId,
    date: pick(given.date, base.date),
    kinds: pick(given.kinds, base.kinds),
    qualifier: pick(given.qualifier, base.qualifier),
    title: pick(given.title, base.title),
    place: pick(given.place, base.place),
    host: pick(given.host, base.host),
    speaker: pick(given.speaker, base.speaker),
    attendees: pick(given.attendees, base.attendees),
    leave: pick(given.leave, base.leave),
    absent: pick(given.absent, base.absent),
    observers: pick(given.observers, base.observers),
    headcount: pick(given.headcount, base.headcount),
    hours: pick(given.hours, base.hours),
    quantity: pick(given.quantity, base.quantity),
    unit: pick(given.unit, base.unit),
    item: pick(given.item, base.item),
    groups: pick(given.groups, base.groups),
    note: pick(given.note, base.note),
  };
}
