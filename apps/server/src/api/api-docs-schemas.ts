import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** OpenAPI shapes of the request bodies (the parsers in input/ are what actually checks them). */
const text = (description: string): SchemaObject => ({ type: 'string', description });
const texts = (description: string): SchemaObject => ({ type: 'array', items: { type: 'string' }, description });
const number = (description: string): SchemaObject => ({ type: 'number', description });

const ACTIVITY_FIELDS: Record<string, SchemaObject> = {
  date: text('活动日期 YYYY-MM-DD（中国时间的日历日）'),
  kinds: texts('活动类型 id 或中文名；多个表示套会（如 ["branch-assembly","party-lecture","theme-day"]）'),
  qualifier: text('细分，如党课主讲人 secretary/leader/invited/member'),
  title: text('主题'),
  place: text('地点'),
  host: text('主持人'),
  speaker: text('主讲人'),
  attendees: texts('出席党员 id'),
  absent: texts('缺席党员 id'),
  leave: texts('请假党员 id'),
  observers: texts('列席人员（党员 id）'),
  headcount: number('实到人数（不记名时）'),
  hours: number('学时'),
  quantity: number('产出数量（与 unit 同用）'),
  unit: text('数量单位（篇、册、份…）'),
  item: text('产出物（调研报告…）'),
  groups: texts('参加的党小组 id（党小组会）'),
  note: text('备注'),
};

export const LOG_ACTIVITY_BODY: SchemaObject = {
  type: 'object',
  required: ['orgId', 'date', 'kinds'],
  properties: {
    id: text('客户端指定的活动编号：重复提交同一编号不会重复登记（幂等）'),
    orgId: text('组织 id'),
    ...ACTIVITY_FIELDS,
  },
  additionalProperties: false,
};

export const CORRECTION_BODY: SchemaObject = {
  type: 'object',
  required: ['reason'],
  properties: { reason: text('更正原因'), ...ACTIVITY_FIELDS },
  description: '只更正给出的字段；null 或 "" 清空该字段',
  additionalProperties: false,
};

export const REASON_BODY: SchemaObject = {
  type: 'object',
  required: ['reason'],
  properties: { reason: text('原因') },
  additionalProperties: false,
};

export const ORG_BODY: SchemaObject = {
  type: 'object',
  required: ['id', 'name', 'kind'],
  properties: {
    id: text('组织 id（英文字母、数字、_、-）'),
    name: text('名称'),
    kind: text('committee | leading-group | general-branch | branch | group（或中文）'),
    parentId: text('上级组织 id'),
    establishedOn: text('成立日期'),
  },
  additionalProperties: false,
};

export const RENAME_BODY: SchemaObject = { type: 'object', required: ['name'], properties: { name: text('新名称') }, additionalProperties: false };
export const MOVE_BODY: SchemaObject = { type: 'object', required: ['parentId'], properties: { parentId: text('新的上级组织 id') }, additionalProperties: false };
export const DISSOLVE_BODY: SchemaObject = {
  type: 'object',
  required: ['reason'],
  properties: { on: text('撤销日期（默认今天）'), reason: text('原因') },
  additionalProperties: false,
};

export const MEMBER_BODY: SchemaObject = {
  type: 'object',
  required: ['id', 'name', 'orgId'],
  properties: {
    id: text('党员 id'),
    name: text('姓名'),
    orgId: text('所在组织 id'),
    status: text('full（正式党员）或 probationary（预备党员）；默认 full'),
    since: text('加入本组织日期（默认今天）'),
  },
  additionalProperties: false,
};

export const TRANSFER_BODY: SchemaObject = {
  type: 'object',
  required: ['toOrgId'],
  properties: { toOrgId: text('转入组织 id'), on: text('转接日期（默认今天）') },
  additionalProperties: false,
};
export const STATUS_BODY: SchemaObject = {
  type: 'object',
  required: ['status'],
  properties: { status: text('full 或 probationary'), on: text('变更日期（默认今天）') },
  additionalProperties: false,
};
export const LEAVE_BODY: SchemaObject = {
  type: 'object',
  properties: { on: text('离开日期（默认今天）'), reason: text('原因') },
  additionalProperties: false,
};

export const COMPILE_BODY: SchemaObject = {
  type: 'object',
  required: ['year', 'template'],
  properties: {
    year: { type: 'integer', description: '年度' },
    template: text('模板名称：branch-secretary、committee-secretary'),
    rollup: { type: 'boolean', description: '汇总所有下级组织' },
    format: { type: 'string', enum: ['json', 'md', 'html', 'docx', 'pdf'], description: '默认 json；其余格式以附件下载' },
    zeroOk: texts('确认本年度确实没有开展的活动类型：其空缺填 0'),
    asOf: text('按某一时刻的台账编制（审计回放）'),
    fonts: { type: 'object', additionalProperties: { type: 'string' }, description: 'Word 字体：title body heading1 heading2 pageNumber latin' },
  },
  additionalProperties: false,
};

export const USER_BODY: SchemaObject = {
  type: 'object',
  required: ['username', 'password', 'role'],
  properties: {
    username: text('登录名'),
    password: text('初始密码'),
    role: { type: 'string', enum: ['admin', 'secretary', 'auditor'] },
    orgId: text('账号可见范围的组织 id（该组织及其下级）；admin 可为空，表示全部'),
    displayName: text('显示名称'),
  },
  additionalProperties: false,
};

export const DRAFT_UPLOAD_BODY: SchemaObject = {
  type: 'object',
  required: ['draft'],
  properties: { draft: { type: 'string', format: 'binary', description: '报告草稿 .docx、.txt 或 .md（不超过 5 MB）' } },
};

export const IMPORT_UPLOAD_BODY: SchemaObject = {
  type: 'object',
  required: ['file'],
  properties: {
    file: { type: 'string', format: 'binary', description: '台账文件 .xlsx 或 .csv（UTF-8 或 GBK，不超过 20 MB）' },
    sheet: text('要导入的工作表（默认：第一个有台账表头的工作表）'),
  },
};
