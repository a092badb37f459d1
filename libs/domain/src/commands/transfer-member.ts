import { IssueList } from '../errors';
import { MEMBER_TRANSFERRED } from '../events/member-transferred';
import type { DecidedEvent } from './decided-event';
import type { TransferMemberFacts } from './facts';
import { checkPastDate } from './validation/dates';
import { requireId } from './validation/ids';
import { checkCurrentMember, checkNotBeforeStint } from './validation/member-lookup';
import { memberLabel } from './validation/membership';
import { checkLiveOrg } from './validation/org-lookup';
import { present } from './validation/present';
import type { TextInput } from './validation/text';

export interface TransferMemberInput {
  memberId: TextInput;
  toOrgId: TextInput;
  /** Defaults to today. */
  on?: TextInput;
}

/** Decides a transfer; the handler appends it to the stream of the org the member leaves (fromOrgId). */
export function decideTransferMember(input: TransferMemberInput, facts: TransferMemberFacts): DecidedEvent[] {
  const issues = new IssueList();
  const memberId = requireId(issues, 'memberId', input.memberId, '党员编号');
  const current = checkCurrentMember(issues, memberId, facts.member);
  const toOrgId = requireId(issues, 'toOrgId', input.toOrgId, '转入组织编号');
  const on = checkPastDate(issues, 'on', input.on, { today: facts.today, label: '转接日期', fallback: facts.today });

  if (current !== undefined && toOrgId !== null && toOrgId === current.member.orgId) {
    issues.add('toOrgId', `党员${memberLabel(current.member)}已在组织 ${toOrgId}，无需转接`, 'the member is already in this org');
  } else {
    checkLiveOrg(issues, 'toOrgId', toOrgId, facts.target);
  }
  checkNotBeforeStint(issues, 'on', on, current);

  issues.throwIfAny();
  const member = present(current).member;
  return [
    {
      type: MEMBER_TRANSFERRED,
      data: { memberId: member.id, fromOrgId: present(member.orgId), toOrgId: present(toOrgId), on: present(on) },
    },
  ];
}
