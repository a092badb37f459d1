/** Chinese labels for identifiers shown to users. */
export const MEASURE_LABELS: Readonly<Record<string, string>> = {
  count: '次数',
  attendance: '人次',
  participants: '人数',
  quantity: '数量',
  hours: '学时',
};

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

export const EVENT_TYPE_LABELS: Readonly<Record<string, string>> = {
  OrganizationRegistered: '组织成立',
  OrganizationRenamed: '组织更名',
  OrganizationMoved: '隶属调整',
  OrganizationDissolved: '组织撤销',
  MemberEnrolled: '党员登记',
  MemberTransferred: '组织关系转出',
  MemberStatusChanged: '党员身份变更',
  MemberLeft: '党员离开',
  ActivityLogged: '登记活动',
  ActivityCorrected: '更正活动',
  ActivityVoided: '作废活动',
  ReportCompiled: '生成述职报告',
  AccountCreated: '创建账号',
  AccountPasswordChanged: '修改密码',
  AccountDisabled: '停用账号',
  AccountEnabled: '启用账号',
};

export const SOURCE_LABELS: Readonly<Record<string, string>> = {
  cli: '命令行',
  web: '网页',
  import: '导入',
  system: '系统',
};
