import type { Attendee, AttendanceStatus } from '../../activity';
import type { CivilDate } from '../../civil-date';
import type { IssueList } from '../../errors';
import type { MemberDoc } from '../../state';
import { memberLabel, wasMemberOn } from '../validation/membership';
import { ListInput, splitList } from '../validation/text';
import type { ActivityFieldsInput } from './activity-input';

interface StatusList {
  status: AttendanceStatus;
  field: 'attendees' | 'leave' | 'absent' | 'observers';
  name: string;
}

/** In ATTENDANCE_STATUSES order, which is also the order attendees are stored in. */
const STATUS_LISTS: readonly StatusList[] = [
  { status: 'present', field: 'attendees', name: '出席' },
  { status: 'leave', field: 'leave', name: '请假' },
  { status: 'absent', field: 'absent', name: '缺席' },
  { status: 'observer', field: 'observers', name: '列席' },
];

export interface AttendanceContext {
  members: Readonly<Record<string, MemberDoc | undefined>>;
  /** The org and its 党小组 (whose members count as the org's); null when the org is unknown. */
  rosterOrgIds: ReadonlySet<string> | null;
  /** The activity date, null when invalid (membership is then not checked). */
  date: CivilDate | null;
}

/**
 * Builds the attendee list. Present / leave / absent people must have been members of the org or
 * one of its 党小组 on the activity date. Observers (列席) may be any member known to the ledger
 * — typically from the upper committee or another branch — but must still be known member ids:
 * attendance records people by member id, and a free-text visitor belongs in the note.
 */
export function resolveAttendance(issues: IssueList, input: ActivityFieldsInput, ctx: AttendanceContext): Attendee[] {
  const attendees: Attendee[] = [];
  const listOf = new Map<string, StatusList>();
  for (const list of STATUS_LISTS) {
    const value: ListInput = input[list.field];
    for (const id of splitList(value)) {
      const earlier = listOf.get(id);
      if (earlier !== undefined) {
        const where = earlier === list ? `在${list.name}名单中重复` : `同时列在${earlier.name}和${list.name}名单中`;
        issues.add(list.field, `党员 ${id} ${where}`, `member ${id} listed twice (${earlier.status}, ${list.status})`);
        continue;
      }
      listOf.set(id, list);
      const member = ctx.members[id];
      if (member === undefined) {
        issues.add(list.field, `${list.name}名单中的党员 ${id} 不存在`, `member ${id} does not exist`);
        continue;
      }
      if (list.status !== 'observer' && ctx.rosterOrgIds !== null && ctx.date !== null && !wasMemberOn(member, ctx.rosterOrgIds, ctx.date)) {
        issues.add(
          list.field,
          `党员 ${memberLabel(member)}在 ${ctx.date} 不是本组织党员`,
          `member ${id} was not a member of the org on ${ctx.date}`,
        );
        continue;
      }
      attendees.push({ memberId: id, status: list.status });
    }
  }
  return attendees;
}
