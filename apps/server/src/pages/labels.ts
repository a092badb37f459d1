import { activityKindById, findQualifier, isOrgKind, ORG_KIND_INFO } from '../../../../libs/domain/src';
import { ROLE_INFO } from '../../../../libs/domain/src/accounts/roles';

/** Chinese words for the identifiers the pages show. */
export const ATTENDANCE_LABELS: Readonly<Record<string, string>> = {
  present: '出席',
  leave: '请假',
  absent: '缺席',
  observer: '列席',
};

export const MEMBER_STATUS_LABELS: Readonly<Record<string, string>> = {
  full: '正式党员',
  probationary: '预备党员',
};

export const MEASURE_LABELS: Readonly<Record<string, string>> = {
  count: '次数',
  attendance: '人次',
  participants: '人数',
  hours: '学时',
  quantity: '数量',
};

export const EVENT_TYPE_LABELS: Readonly<Record<string, string>> = {
  OrganizationRegistered: '组织成立',
  OrganizationRenamed: '组织更名',
  OrganizationMoved: '隶属调整',
  OrganizationDissolved: '组织撤销',
  MemberEnrolled: '党员登记',
  MemberTransferred: '组织关系转接',
  MemberStatusChanged: '党员身份变更',
  MemberLeft: '党员离开',
  ActivityLogged: '登记活动',
  ActivityCorrected: '更正活动',
  ActivityVoided: '作废活动',
  ReportCompiled: '编制述职报告',
};

export const SOURCE_LABELS: Readonly<Record<string, string>> = {
  cli: '命令行',
  web: '网页',
  import: '导入',
  system: '系统',
};

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
