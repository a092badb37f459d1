import { IssueList } from '../errors';
import { ACTIVITY_VOIDED } from '../events/activity-voided';
import type { DecidedEvent } from './decided-event';
import type { VoidActivityFacts } from './facts';
import { checkLiveActivity } from './validation/activity-lookup';
import { requireId } from './validation/ids';
import { checkReason } from './validation/names';
import { present } from './validation/present';
import type { TextInput } from './validation/text';

export interface VoidActivityInput {
  activityId: TextInput;
  reason: TextInput;
}

export function decideVoidActivity(input: VoidActivityInput, facts: VoidActivityFacts): DecidedEvent[] {
  const issues = new IssueList();
  const activityId = requireId(issues, 'activityId', input.activityId, '活动编号');
  const existing = checkLiveActivity(issues, activityId, facts.existing, '再次作废');
  const reason = checkReason(issues, 'reason', input.reason, '作废');
  issues.throwIfAny();
  const voided = present(existing);
  return [{ type: ACTIVITY_VOIDED, data: { activityId: voided.id, orgId: voided.orgId, reason: present(reason) } }];
}
