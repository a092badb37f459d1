import type { IssueList } from '../../errors';
import type { ActivityDoc } from '../../state';

/** The activity a correction or void acts on, when it exists and is not voided; otherwise records why not. */
export function checkLiveActivity(issues: IssueList, id: string | null, existing: ActivityDoc | undefined, action: string): ActivityDoc | undefined {
  if (id === null) return undefined;
  if (existing === undefined) {
    issues.add('activityId', `活动 ${id} 不存在`, `activity ${id} does not exist`);
    return undefined;
  }
  if (existing.voided) {
    issues.add('activityId', `活动 ${id} 已作废，不能${action}`, `activity ${id} is voided`);
    return undefined;
  }
  return existing;
}
