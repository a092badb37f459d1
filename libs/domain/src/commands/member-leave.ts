import { IssueList } from '../errors';
import { MEMBER_LEFT } from '../events/member-left';
import type { DecidedEvent } from './decided-event';
import type { MemberFacts } from './facts';
import { checkPastDate } from './validation/dates';
import { requireId } from './validation/ids';
import { checkCurrentMember, checkNotBeforeStint } from './validation/member-lookup';
import { present } from './validation/present';
import { cleanText, TextInput } from './validation/text';

export interface MemberLeaveInput {
  memberId: TextInput;
  /** Defaults to today. */
  on?: TextInput;
  reason?: TextInput;
}

export function decideMemberLeave(input: MemberLeaveInput, facts: MemberFacts): DecidedEvent[] {
  const issues = new IssueList();
  const memberId = requireId(issues, 'memberId', input.memberId, '党员编号');
  const current = checkCurrentMember(issues, memberId, facts.member);
  const on = checkPastDate(issues, 'on', input.on, { today: facts.today, label: '离开日期', fallback: facts.today });
  checkNotBeforeStint(issues, 'on', on, current);

  issues.throwIfAny();
  const member = present(current).member;
  return [
    {
      type: MEMBER_LEFT,
      data: { memberId: member.id, orgId: present(member.orgId), on: present(on), reason: cleanText(input.reason) },
    },
  ];
}
