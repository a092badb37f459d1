import { IssueList } from '../errors';
import { MEMBER_ENROLLED } from '../events/member-enrolled';
import type { DecidedEvent } from './decided-event';
import type { EnrollMemberFacts } from './facts';
import { checkPastDate } from './validation/dates';
import { checkNewId, requireId } from './validation/ids';
import { checkMemberStatus } from './validation/member-lookup';
import { memberLabel } from './validation/membership';
import { checkName } from './validation/names';
import { checkLiveOrg } from './validation/org-lookup';
import { present } from './validation/present';
import type { TextInput } from './validation/text';

export interface EnrollMemberInput {
  memberId: TextInput;
  orgId: TextInput;
  name: TextInput;
  /** full | probationary | 正式党员 | 预备党员; defaults to full. */
  status?: TextInput;
  /** The day the member joined this org; defaults to today. */
  since?: TextInput;
}

/** A member who left may come back under the same id (a new stint); a current member's id is taken. */
export function decideEnrollMember(input: EnrollMemberInput, facts: EnrollMemberFacts): DecidedEvent[] {
  const issues = new IssueList();
  const memberId = checkNewId(issues, 'memberId', input.memberId, '党员编号');
  const orgId = requireId(issues, 'orgId', input.orgId, '组织编号');
  const org = checkLiveOrg(issues, 'orgId', orgId, facts.org);
  const name = checkName(issues, 'name', input.name, '党员姓名');
  const status = checkMemberStatus(issues, input.status, 'full');
  const since = checkPastDate(issues, 'since', input.since, { today: facts.today, label: '加入日期', fallback: facts.today });

  const existing = facts.existing;
  if (memberId !== null && existing !== undefined) {
    if (existing.orgId !== null) {
      issues.add('memberId', `党员编号 ${memberId} 已被${memberLabel(existing)}使用（所在组织 ${existing.orgId}）`, `member id ${memberId} is in use`);
    } else {
      const lastEnd = existing.periods[existing.periods.length - 1]?.to ?? null;
      if (since !== null && lastEnd !== null && since < lastEnd) {
        issues.add('since', `党员${memberLabel(existing)}于 ${lastEnd} 离开，重新加入日期不能早于该日`, `re-enrolment date is before the member left (${lastEnd})`);
      }
    }
  }

  issues.throwIfAny();
  return [
    {
      type: MEMBER_ENROLLED,
      data: { memberId: present(memberId), orgId: present(org).id, name: present(name), status: present(status), since: present(since) },
    },
  ];
}
