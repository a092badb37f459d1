import { activityKindById, findQualifier, isOrgKind, ORG_KIND_INFO } from '../../../../libs/domain/src';
import { ROLE_INFO } from '../../../../libs/domain/src/accounts/roles';

/** Chinese words for the identifiers the pages show: the domain's (shared with the CLI), and the pages' own below. */
export { ATTENDANCE_LABELS, EVENT_TYPE_LABELS, MEMBER_STATUS_LABELS, SOURCE_LABELS } from '../../../../libs/domain/src';

export const ROLE_LABELS: Readonly<Record<string, string>> = {
  admin: ROLE_INFO.admin.name,
  secretary: ROLE_INFO.secretary.name,
  auditor: ROLE_INFO.auditor.name,
};

/** Names of activity fields, for "更正了哪些内容". */
export const ACTIVITY_FIELD_LABELS: Readonly<Record<string, string>> = {
  date: '日期',
  kinds: '活动类型',
  qualifier: '细分',
  title: '主题',
  place: '地点',
  host: '主持人',
  speaker: '主讲人',
  attendees: '参加人员',
  headcount: '实到人数',
  hours: '学时',
  quantities: '产出数量',
  groups: '参加党小组',
  note: '备注',
};

export function kindName(id: string): string {
  return activityKindById(id)?.name ?? id;
}

export function kindNames(ids: readonly string[]): string {
  return ids.map(kindName).join(' + ');
}

/** The qualifier's Chinese name under the first of these kinds that knows it. */
export function qualifierName(kinds: readonly string[], qualifier: string | null): string | null {
  if (qualifier === null) return null;
  for (const id of kinds) {
    const kind = activityKindById(id);
    const q = kind ? findQualifier(kind, qualifier) : undefined;
    if (q) return q.name;
  }
  return qualifier;
}

export function orgKindName(kind: string): string {
  return isOrgKind(kind) ? ORG_KIND_INFO[kind].name : kind;
}

/** An ISO instant as China wall-clock time, `2025-01-10 10:00:00` (what a secretary reads). */
export function chinaDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const shifted = new Date(ms + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}
