import { IssueList } from '../errors';
import { MEMBER_STATUS_CHANGED } from '../events/member-status-changed';
import type { DecidedEvent } from './decided-event';
import type { MemberFacts } from './facts';
import { checkPastDate } from './validation/dates';
import { requireId } from './validation/ids';
import { checkCurrentMember, checkMemberStatus, checkNotBeforeStint } from './validation/member-lookup';
import { MEMBER_STATUS_NAMES } from './validation/member-status-input';
import { memberLabel } from './validation/membership';
import { present } from './validation/present';
import type { TextInput } from './validation/text';

export interface ChangeMemberStatusInput {
  memberId: TextInput;
  /** full | probationary | 正式党员 | 预备党员. */
  status: TextInput;
  /** The day the new status applies (e.g. 转正 date); defaults to today. */
  on?: TextInput;
}

export function decideChangeMemberStatus(input: ChangeMemberStatusInput, facts: MemberFacts): DecidedEvent[] {
  const issues = new IssueList();
  const memberId = requireId(issues, 'memberId', input.memberId, '党员编号');
  const current = checkCurrentMember(issues, memberId, facts.member);
  const status = checkMemberStatus(issues, input.status);
  const on = checkPastDate(issues, 'on', input.on, { today: facts.today, label: '变更日期', fallback: facts.today });

  if (current !== undefined && status !== null && status === current.member.status) {
    issues.add('status', `党员${memberLabel(current.member)}已是${MEMBER_STATUS_NAMES[status]}`, `the member is already ${status}`);
  }
  checkNotBeforeStint(issues, 'on', on, current);

  issues.throwIfAny();
  const member = present(current).member;
  return [
    {
      type: MEMBER_STATUS_CHANGED,
      data: { memberId: member.id, orgId: present(member.orgId), status: present(status), on: present(on) },
    },
  ];
}
