import type { CorrectActivityInput, LogActivityInput } from '../../../../../libs/domain/src/commands';
import type { ActivityDetails, AttendanceStatus } from '../../../../../libs/domain/src';
import { ATTENDANCE_STATUSES } from '../../../../../libs/domain/src';
import { FormFields, listOf, textOf } from '../form-values';

/** The activity form as typed: kept verbatim so a refused form comes back as the secretary left it. */
export interface ActivityFormValues {
  /** Fixed when the form is first shown, so a double submit (or a retry) logs nothing twice. */
  activityId: string;
  orgId: string;
  date: string;
  kinds: string[];
  qualifier: string;
  title: string;
  place: string;
  host: string;
  speaker: string;
  /** Member id → status picked on the roster ('' = not recorded). */
  statuses: Record<string, AttendanceStatus | ''>;
  /** Observers (列席) from outside the roster, by member id. */
  observersExtra: string;
  headcount: string;
  hours: string;
  quantity: string;
  unit: string;
  item: string;
  groups: string[];
  note: string;
  reason: string;
}

/** Each roster member's radio group is named `status_<memberId>` (member ids are [A-Za-z0-9_-]). */
export const STATUS_PREFIX = 'status_';

export function activityFormValuesOf(fields: FormFields | undefined): ActivityFormValues {
  const statuses: Record<string, AttendanceStatus | ''> = {};
  for (const name of Object.keys(fields ?? {})) {
    if (!name.startsWith(STATUS_PREFIX)) continue;
    const status = textOf(fields, name);
    statuses[name.slice(STATUS_PREFIX.length)] = (ATTENDANCE_STATUSES as readonly string[]).includes(status) ? (status as AttendanceStatus) : '';
  }
  return {
    activityId: textOf(fields, 'activityId'),
    orgId: textOf(fields, 'org'),
    date: textOf(fields, 'date'),
    kinds: listOf(fields, 'kinds'),
    qualifier: textOf(fields, 'qualifier'),
    title: textOf(fields, 'title'),
    place: textOf(fields, 'place'),
    host: textOf(fields, 'host'),
    speaker: textOf(fields, 'speaker'),
    statuses,
    observersExtra: textOf(fields, 'observersExtra'),
    headcount: textOf(fields, 'headcount'),
    hours: textOf(fields, 'hours'),
    quantity: textOf(fields, 'quantity'),
    unit: textOf(fields, 'unit'),
    item: textOf(fields, 'item'),
    groups: listOf(fields, 'groups'),
    note: textOf(fields, 'note'),
    reason: textOf(fields, 'reason'),
  };
}

/** A stored activity as form values (the correction form starts from what the record says now). */
export function activityFormValuesOfDetails(activityId: string, orgId: string, details: ActivityDetails): ActivityFormValues {
  const statuses: Record<string, AttendanceStatus | ''> = {};
  for (const a of details.attendees) statuses[a.memberId] = a.status;
  const first = details.quantities[0];
  return {
    activityId,
    orgId,
    date: details.date,
    kinds: [...details.kinds],
    qualifier: details.qualifier ?? '',
    title: details.title ?? '',
    place: details.place ?? '',
    host: details.host ?? '',
    speaker: details.speaker ?? '',
    statuses,
    observersExtra: '',
    headcount: details.headcount === null ? '' : String(details.headcount),
    hours: details.hours === null ? '' : String(details.hours),
    quantity: first ? String(first.amount) : '',
    unit: first?.unit ?? '',
    item: first?.item ?? '',
    groups: [...details.groups],
    note: details.note ?? '',
    reason: '',
  };
}

function idsWith(values: ActivityFormValues, status: AttendanceStatus): string[] {
  return Object.entries(values.statuses)
    .filter(([, s]) => s === status)
    .map(([id]) => id);
}

/** The fields every activity write takes; the domain validates and splits them. */
function activityFields(values: ActivityFormValues) {
  return {
    date: values.date,
    kinds: values.kinds,
    qualifier: values.qualifier,
    title: values.title,
    place: values.place,
    host: values.host,
    speaker: values.speaker,
    attendees: idsWith(values, 'present'),
    leave: idsWith(values, 'leave'),
    absent: idsWith(values, 'absent'),
    observers: [...idsWith(values, 'observer'), values.observersExtra],
    headcount: values.headcount,
    hours: values.hours,
    quantity: values.quantity,
    unit: values.unit,
    item: values.item,
    groups: values.groups,
    note: values.note,
  };
}

export function logActivityInputOf(values: ActivityFormValues): LogActivityInput {
  return { ...activityFields(values), activityId: values.activityId, orgId: values.orgId };
}

/** Every field is given: the correction is the form as a whole, the decider works out what changed. */
export function correctActivityInputOf(activityId: string, values: ActivityFormValues): CorrectActivityInput {
  return { ...activityFields(values), activityId, reason: values.reason };
}

/**
 * Where each domain field's messages are shown: the roster's statuses share one place, and the
 * free-text observers box shows the observers' messages.
 */
export const ACTIVITY_INPUTS: Readonly<Record<string, string>> = {
  activityId: 'activityId',
  orgId: 'org',
  date: 'date',
  kinds: 'kinds',
  qualifier: 'qualifier',
  title: 'title',
  place: 'place',
  host: 'host',
  speaker: 'speaker',
  attendees: 'roster',
  leave: 'roster',
  absent: 'roster',
  observers: 'observersExtra',
  headcount: 'headcount',
  hours: 'hours',
  quantity: 'quantity',
  unit: 'unit',
  item: 'item',
  groups: 'groups',
  note: 'note',
  reason: 'reason',
};
