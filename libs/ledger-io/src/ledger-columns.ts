/**
 * The columns of a 台账 activity sheet, shared by import and export so that an exported file
 * re-imports without a mapping file. Each column has one canonical Chinese header (what export
 * writes) and the synonyms branches commonly use in their own sheets (what import recognises).
 */

export type LedgerColumnKey =
  | 'id'
  | 'org'
  | 'date'
  | 'kinds'
  | 'qualifier'
  | 'title'
  | 'place'
  | 'host'
  | 'speaker'
  | 'attendees'
  | 'expected'
  | 'present'
  | 'leave'
  | 'absent'
  | 'hours'
  | 'groups'
  | 'quantities'
  | 'note';

export interface LedgerColumn {
  key: LedgerColumnKey;
  /** The header export writes. */
  header: string;
  /** Headers import accepts for this column (the canonical one included). */
  synonyms: readonly string[];
  /** What the cell holds, for help texts and the mapping-file docs. */
  meaning: string;
}

/** In the order export writes them. */
export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { key: 'org', header: '组织', synonyms: ['组织', '组织名称', '党组织', '所属组织', '所属支部', '支部名称'], meaning: 'organisation name (rolled-up exports)' },
  { key: 'date', header: '日期', synonyms: ['日期', '活动日期', '会议日期', '时间', '活动时间', '会议时间', '召开时间', '开展时间'], meaning: 'occurred date' },
  { key: 'kinds', header: '活动类型', synonyms: ['活动类型', '类型', '活动类别', '会议类型', '会议类别', '活动形式'], meaning: 'kind names separated by 、 (several = a combined sitting)' },
  { key: 'qualifier', header: '细分类型', synonyms: ['细分类型', '主讲人身份', '主讲人类别', '谈话类型', '发展阶段'], meaning: 'qualifier by Chinese name (党课: 支部书记/领导干部…)' },
  { key: 'title', header: '主题', synonyms: ['主题', '活动主题', '会议主题', '议题', '活动内容', '会议内容', '内容', '活动名称', '名称', '标题'], meaning: 'title / topic' },
  { key: 'place', header: '地点', synonyms: ['地点', '活动地点', '会议地点', '场所'], meaning: 'place' },
  { key: 'host', header: '主持人', synonyms: ['主持人', '主持', '召集人'], meaning: 'host' },
  { key: 'speaker', header: '主讲人', synonyms: ['主讲人', '主讲', '授课人', '讲课人'], meaning: 'speaker' },
  { key: 'attendees', header: '参会人员', synonyms: ['参会人员', '参加人员', '出席人员', '参会人', '参加人', '与会人员', '到会人员'], meaning: 'names of those present, separated by 、' },
  { key: 'expected', header: '应到', synonyms: ['应到', '应到人数', '应到会人数', '应参加人数', '应出席人数'], meaning: 'people expected (present + leave + absent)' },
  { key: 'present', header: '实到', synonyms: ['实到', '实到人数', '到会人数', '出席人数', '参加人数', '实际参加人数'], meaning: 'people present (the headcount when no names are kept)' },
  { key: 'leave', header: '请假', synonyms: ['请假', '请假人数', '请假人员'], meaning: 'names of those on leave, separated by 、 (a bare count is read too)' },
  { key: 'absent', header: '缺席', synonyms: ['缺席', '缺席人数', '缺席人员', '缺勤', '缺勤人数'], meaning: 'names of those absent, separated by 、 (a bare count is read too)' },
  { key: 'hours', header: '学时', synonyms: ['学时', '学习时长', '时长', '课时', '学时数'], meaning: 'study hours' },
  { key: 'groups', header: '党小组', synonyms: ['党小组', '参加党小组', '参会党小组'], meaning: '党小组 names taking part, separated by 、 (a joint 党小组会 counts once per group)' },
  { key: 'quantities', header: '成果', synonyms: ['成果', '成果数量', '产出', '形成成果'], meaning: 'produced quantities as item+amount+unit, separated by 、 (调研报告3篇)' },
  { key: 'note', header: '备注', synonyms: ['备注', '说明', '其他'], meaning: 'note' },
  { key: 'id', header: '活动编号', synonyms: ['活动编号', '编号', '记录编号', '活动ID', 'ID'], meaning: 'activity id (written by export)' },
];

/** Between names in 参会人员 and kinds in 活动类型. */
export const LIST_SEPARATOR = '、';

const BY_KEY = new Map(LEDGER_COLUMNS.map((c) => [c.key, c]));

export function ledgerColumn(key: LedgerColumnKey): LedgerColumn {
  const column = BY_KEY.get(key);
  if (!column) throw new Error(`unknown ledger column ${key}`);
  return column;
}

/**
 * Header text as a sheet author may have typed it, reduced to the form synonyms are listed in:
 * spaces (incl. full-width) and a trailing unit in brackets (“学时（小时）”, “应到(人)”) or colon go.
 */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(][^（()）]*[)）]$/u, '')
    .replace(/[:：]$/u, '');
}

const BY_SYNONYM = new Map<string, LedgerColumnKey>();
for (const column of LEDGER_COLUMNS) {
  for (const word of column.synonyms) BY_SYNONYM.set(normalizeHeader(word).toLowerCase(), column.key);
}

/** The column a header names, or undefined when it is none of ours. */
export function matchLedgerColumn(header: string): LedgerColumnKey | undefined {
  return BY_SYNONYM.get(normalizeHeader(header).toLowerCase());
}

/** Splits a 参会人员 / 活动类型 cell: 、 is canonical; commas, semicolons, slashes and spaces are common. */
export function splitListCell(text: string): string[] {
  return text
    .split(/[、,，;；/／\s\u3000]+/u)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** One produced quantity in a 成果 cell: `调研报告3篇`, or `3篇` when the item is unknown. */
export function formatQuantity(q: { amount: number; unit: string; item: string | null }): string {
  return `${q.item ?? ''}${q.amount}${q.unit}`;
}

/** Reads one part of a 成果 cell written by `formatQuantity` (spaces allowed: `调研报告 3 篇`). */
export function parseQuantity(text: string): { amount: number; unit: string; item: string | null } | undefined {
  const match = /^(.*?)\s*(\d+(?:\.\d+)?)\s*(\S+)$/u.exec(text.trim());
  if (!match) return undefined;
  return { item: match[1] === '' ? null : match[1], amount: Number(match[2]), unit: match[3] };
}
