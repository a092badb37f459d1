import { CivilDate } from './civil-date';

export const ATTENDANCE_STATUSES = ['present', 'leave', 'absent', 'observer'] as const;
/** 出席 / 请假 / 缺席 / 列席 */
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export interface Attendee {
  memberId: string;
  status: AttendanceStatus;
}

export interface Quantity {
  amount: number;
  unit: string;
  /** What was produced (调研报告, 学习书籍…), when known. */
  item: string | null;
}

/** Everything an activity record holds (domain.md: What an activity record holds). */
export interface ActivityDetails {
  date: CivilDate;
  /** Several kinds = a combined sitting (套会); each kind counts once. */
  kinds: string[];
  qualifier: string | null;
  title: string | null;
  place: string | null;
  host: string | null;
  speaker: string | null;
  attendees: Attendee[];
  /** A bare headcount when names are not kept. */
  headcount: number | null;
  hours: number | null;
  quantities: Quantity[];
  /** 党小组 ids taking part (a joint 党小组会 counts once per group). */
  groups: string[];
  note: string | null;
}

export const MEMBER_STATUSES = ['full', 'probationary'] as const;
/** 正式党员 / 预备党员 */
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** A record holding only its date and kinds: the starting point for building one field by field. */
export function blankActivityDetails(date: CivilDate, kinds: string[]): ActivityDetails {
  return {
    date,
    kinds,
    qualifier: null,
    title: null,
    place: null,
    host: null,
    speaker: null,
    attendees: [],
    headcount: null,
    hours: null,
    quantities: [],
    groups: [],
    note: null,
  };
}
