import type { CivilDate } from '../../civil-date';
import type { IssueList } from '../../errors';
import type { MemberDoc, MembershipPeriod } from '../../state';
import { currentPeriod, memberLabel } from './membership';
import { MEMBER_STATUS_NAMES, resolveMemberStatus } from './member-status-input';
import type { MemberStatus } from '../../activity';
import { cleanText, TextInput } from './text';

export interface CurrentMember {
  member: MemberDoc;
  /** The open stint: changes to the member must not be dated before it began. */
  period: MembershipPeriod;
}

/** The member a command acts on, when known and still a member; otherwise records why not. */
export function checkCurrentMember(issues: IssueList, id: string | null, member: MemberDoc | undefined): CurrentMember | undefined {
  if (id === null) return undefined;
  if (member === undefined) {
    issues.add('memberId', `党员 ${id} 不存在`, `member ${id} does not exist`);
    return undefined;
  }
  const period = currentPeriod(member);
  if (member.orgId === null || period === undefined) {
    issues.add('memberId', `党员${memberLabel(member)}已不在册（已离开党组织）`, `member ${id} has left`);
    return undefined;
  }
  return { member, period };
}

/** Refuses a date before the member's current stint began (history must stay in order). */
export function checkNotBeforeStint(issues: IssueList, field: string, on: CivilDate | null, current: CurrentMember | undefined): void {
  if (on === null || current === undefined) return;
  if (on < current.period.from) {
    issues.add(
      field,
      `日期 ${on} 早于党员${memberLabel(current.member)}当前组织关系的起始日期 ${current.period.from}`,
      `${field} ${on} is before the member's current stint began (${current.period.from})`,
    );
  }
}

/** Resolves a status given by id or Chinese name; `fallback` when empty (required when no fallback). */
export function checkMemberStatus(issues: IssueList, value: TextInput, fallback?: MemberStatus): MemberStatus | null {
  const text = cleanText(value);
  if (text === null) {
    if (fallback !== undefined) return fallback;
    issues.add('status', '请填写党员类别（正式党员或预备党员）', 'status is required');
    return null;
  }
  const status = resolveMemberStatus(text);
  if (status === undefined) {
    const choices = Object.entries(MEMBER_STATUS_NAMES).map(([id, name]) => `${id}（${name}）`).join('、');
    issues.add('status', `未知的党员类别：${text}（可选：${choices}）`, `unknown member status: ${text}`);
    return null;
  }
  return status;
}
