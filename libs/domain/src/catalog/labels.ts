import type { AttendanceStatus, MemberStatus } from '../activity';
import type { DomainEventType } from '../events/domain-event';

/**
 * Chinese words for the identifiers users see, shared by the CLI printers and the web pages so
 * both say the same thing. Typed by string key because callers look up what the store returned;
 * `satisfies` still makes a new status or event type without a word a compile error.
 */

export const ATTENDANCE_LABELS: Readonly<Record<string, string>> = {
  present: '出席',
  leave: '请假',
  absent: '缺席',
  observer: '列席',
} satisfies Record<AttendanceStatus, string>;

export const MEMBER_STATUS_LABELS: Readonly<Record<string, string>> = {
  full: '正式党员',
  probationary: '预备党员',
} satisfies Record<MemberStatus, string>;

/** The tally's measures (domain.md: Measures and metrics). */
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
  AccountCreated: '创建账号',
  AccountPasswordChanged: '修改密码',
  AccountDisabled: '停用账号',
  AccountEnabled: '启用账号',
} satisfies Record<DomainEventType, string>;

/** Where a recorded event came from (the envelope's `source`). */
export const SOURCE_LABELS: Readonly<Record<string, string>> = {
  cli: '命令行',
  web: '网页',
  import: '导入',
  system: '系统',
};
