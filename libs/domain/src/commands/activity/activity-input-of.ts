import type { ActivityDetails, AttendanceStatus } from '../../activity';
import type { ActivityFieldsInput } from './activity-input';

/** A stored record as input fields, so a correction can lay the given fields over it and re-validate. */
export function activityInputOf(orgId: string, details: ActivityDetails): ActivityFieldsInput {
  const idsWith = (status: AttendanceStatus): string[] =>
    details.attendees.filter((a) => a.status === status).map((a) => a.memberId);
  const first = details.quantities[0];
  return {
    orgId,
    date: details.date,
    kinds: details.kinds,
    qualifier: details.qualifier,
    title: details.title,
    place: details.place,
    host: details.host,
    speaker: details.speaker,
    attendees: idsWith('present'),
    leave: idsWith('leave'),
    absent: idsWith('absent'),
    observers: idsWith('observer'),
    headcount: details.headcount,
    hours: details.hours,
    quantity: first?.amount ?? null,
    unit: first?.unit ?? null,
    item: first?.item ?? null,
    groups: details.groups,
    note: details.note,
  };
}
