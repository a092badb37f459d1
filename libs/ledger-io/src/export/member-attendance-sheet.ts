import type { ActivityDoc, AttendanceStatus, MemberDoc } from '../../../domain/src';
import { MEMBER_STATUS_LABELS } from '../../../domain/src';
import { distinctKinds } from '../../../projections/src/tally/activity-figures';
import type { ExportNames } from './activity-rows';
import { kindName, summaryKinds } from './kind-labels';
import type { SheetCell, SheetColumn, SheetSpec } from './sheet-spec';

export const MEMBER_ATTENDANCE_SHEET_NAME = '党员参加情况';

const COUNTED: readonly AttendanceStatus[] = ['present', 'leave', 'absent'];
const STATUS_WORDS: Record<string, string> = { present: '出席', leave: '请假', absent: '缺席' };

export interface MemberAttendanceInput {
  activities: readonly ActivityDoc[];
  members: readonly MemberDoc[];
  /** The orgs whose members are listed, in tree order: members are listed org by org. */
  scopeOrgIds: readonly string[];
  year: number;
  names: ExportNames;
}

/**
 * Per member: how often present, on leave and absent, by kind (a combined sitting counts for
 * each of its kinds), then over all records. Members of the scope during the year are listed even
 * when never named (a row of zeros is itself a finding); anyone named from elsewhere too.
 */
export function memberAttendanceSheet(input: MemberAttendanceInput): SheetSpec {
  const kinds = summaryKinds(input.activities.filter((a) => a.details.attendees.length > 0).flatMap((a) => a.details.kinds));
  const width = (kinds.length + 1) * COUNTED.length;
  const tallies = new Map<string, number[]>();
  const tallyOf = (memberId: string) => {
    let row = tallies.get(memberId);
    if (!row) tallies.set(memberId, (row = new Array<number>(width).fill(0)));
    return row;
  };
  for (const activity of input.activities) {
    const seen = new Set<string>();
    for (const attendee of activity.details.attendees) {
      const status = COUNTED.indexOf(attendee.status);
      if (status < 0 || seen.has(attendee.memberId)) continue;
      seen.add(attendee.memberId);
      const row = tallyOf(attendee.memberId);
      for (const kind of distinctKinds(activity.details)) row[kinds.indexOf(kind) * COUNTED.length + status] += 1;
      row[kinds.length * COUNTED.length + status] += 1;
    }
  }
  const from = `${input.year}-01-01`;
  const to = `${input.year}-12-31`;
  const scope = new Set(input.scopeOrgIds);
  const byId = new Map(input.members.map((m) => [m.id, m]));
  const listed = input.members.filter((m) => tallies.has(m.id) || m.periods.some((p) => scope.has(p.orgId) && p.from <= to && (p.to === null || p.to > from)));
  for (const id of tallies.keys()) if (!byId.has(id)) listed.push({ id, name: id, orgId: null, status: 'full', periods: [] });

  const orgRank = (m: MemberDoc) => {
    const org = homeOrg(m, scope, to);
    const rank = org === null ? -1 : input.scopeOrgIds.indexOf(org);
    return rank < 0 ? input.scopeOrgIds.length : rank;
  };
  listed.sort((a, b) => orgRank(a) - orgRank(b) || a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));

  const columns: SheetColumn[] = [
    { header: '姓名', type: 'text' },
    { header: '组织', type: 'text' },
    { header: '身份', type: 'text' },
    ...kinds.flatMap((k) => COUNTED.map((s) => ({ header: `${kindName(k)}${STATUS_WORDS[s]}`, type: 'number' as const }))),
    ...COUNTED.map((s) => ({ header: `${STATUS_WORDS[s]}合计`, type: 'number' as const })),
    { header: '党员编号', type: 'text' },
  ];
  const rows = listed.map((m): SheetCell[] => {
    const org = homeOrg(m, scope, to);
    return [m.name, org === null ? null : input.names.org(org), MEMBER_STATUS_LABELS[m.status] ?? m.status, ...(tallies.get(m.id) ?? new Array<number>(width).fill(0)), m.id];
  });
  return { name: MEMBER_ATTENDANCE_SHEET_NAME, columns, rows };
}

/** The member's last org within the scope up to the year's end (their current one if none). */
function homeOrg(member: MemberDoc, scope: ReadonlySet<string>, yearEnd: string): string | null {
  const stints = member.periods.filter((p) => scope.has(p.orgId) && p.from <= yearEnd);
  return stints.length > 0 ? stints[stints.length - 1].orgId : member.orgId;
}
