import type { ActivityDetails, MemberDoc, OrgDoc } from '../../../../../libs/domain/src';
import { ATTENDANCE_LABELS, kindNames, qualifierName } from '../labels';

/** How one field of a record reads on a page (for the record itself and for each correction). */
export function activityFieldText(
  field: string,
  details: ActivityDetails,
  members: ReadonlyMap<string, MemberDoc>,
  groups: ReadonlyMap<string, OrgDoc>,
): string {
  switch (field) {
    case 'date':
      return details.date;
    case 'kinds':
      return kindNames(details.kinds);
    case 'qualifier':
      return qualifierName(details.kinds, details.qualifier) ?? '—';
    case 'attendees':
      return attendanceText(details, members) || '—';
    case 'headcount':
      return details.headcount === null ? '—' : `${details.headcount} 人`;
    case 'hours':
      return details.hours === null ? '—' : `${details.hours} 学时`;
    case 'quantities':
      return quantitiesText(details) || '—';
    case 'groups':
      return details.groups.map((g) => groups.get(g)?.name ?? g).join('、') || '—';
    case 'title':
    case 'place':
    case 'host':
    case 'speaker':
    case 'note':
      return details[field] ?? '—';
    default:
      return '';
  }
}

export function quantitiesText(details: ActivityDetails): string {
  return details.quantities.map((q) => `${q.item ?? ''}${q.amount} ${q.unit}`).join('；');
}

/** 出席 3 人（张三、李四…）；请假 1 人（…） */
export function attendanceText(details: ActivityDetails, members: ReadonlyMap<string, MemberDoc>): string {
  const parts: string[] = [];
  for (const status of ['present', 'leave', 'absent', 'observer'] as const) {
    const names = details.attendees.filter((a) => a.status === status).map((a) => members.get(a.memberId)?.name ?? a.memberId);
    if (names.length > 0) parts.push(`${ATTENDANCE_LABELS[status]} ${names.length} 人（${names.join('、')}）`);
  }
  return parts.join('；');
}

/** The short attendance column of the ledger: 出席 12 / 请假 1, or the bare headcount. */
export function attendanceSummary(details: ActivityDetails): string {
  const count = (status: string) => details.attendees.filter((a) => a.status === status).length;
  const parts: string[] = [];
  for (const status of ['present', 'leave', 'absent', 'observer'] as const) {
    const n = count(status);
    if (n > 0) parts.push(`${ATTENDANCE_LABELS[status]} ${n}`);
  }
  if (details.headcount !== null && parts.length === 0) parts.push(`实到 ${details.headcount} 人`);
  return parts.join(' / ') || '—';
}
