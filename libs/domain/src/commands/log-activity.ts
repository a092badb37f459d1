import { IssueList } from '../errors';
import { ACTIVITY_LOGGED } from '../events/activity-logged';
import type { ActivityFieldsInput } from './activity/activity-input';
import { sameActivityDetails } from './activity/activity-changes';
import { normalizeActivity } from './activity/normalize-activity';
import type { DecidedEvent } from './decided-event';
import type { LogActivityFacts } from './facts';
import { checkNewId, requireId } from './validation/ids';
import { present } from './validation/present';
import type { ListInput, TextInput } from './validation/text';

export interface LogActivityInput extends ActivityFieldsInput {
  /** Chosen by the handler when the user gave none; the decider requires one. */
  activityId?: TextInput;
  orgId: TextInput;
  date: TextInput;
  kinds: ListInput;
}

export interface LogActivityDecision {
  /** Empty when the same activity was already logged under this id (a retried request). */
  events: DecidedEvent[];
  activityId: string;
}

export function decideLogActivity(input: LogActivityInput, facts: LogActivityFacts): LogActivityDecision {
  const issues = new IssueList();
  const activityId = checkNewId(issues, 'activityId', input.activityId, '活动编号');
  const orgId = requireId(issues, 'orgId', input.orgId, '组织编号');
  const details = normalizeActivity(issues, input, orgId, facts);

  const existing = facts.existing;
  if (activityId !== null && existing !== undefined) {
    const same = existing.orgId === orgId && sameActivityDetails(existing.details, details);
    if (same && issues.empty) return { events: [], activityId };
    if (!same) {
      issues.add('activityId', `活动编号 ${activityId} 已被另一条活动记录使用`, `activity id ${activityId} is taken by a different activity`);
    }
  }

  issues.throwIfAny();
  const id = present(activityId);
  return {
    events: [{ type: ACTIVITY_LOGGED, data: { activityId: id, orgId: present(orgId), activity: details } }],
    activityId: id,
  };
}
