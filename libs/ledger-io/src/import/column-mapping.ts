import { ColumnTarget, IMPORT_COLUMNS, isImportColumnKey, matchImportHeader } from './import-columns';
import type { KindAliases } from './kind-cell';

/**
 * The mapping file (`--map mapping.json`), for sheets whose headers the synonyms do not cover:
 *
 *   { "sheet": "2021年", "headerRow": 3,
 *     "columns": { "会议日期": "date", "F": "attendees", "序号": null },
 *     "kinds": { "书记讲党课": "党课（支部书记）" },
 *     "defaultKinds": "党课" }
 *
 * `columns` keys are header texts or column letters; values a column key (date, kinds, attendees…),
 * one of its Chinese headers (日期, 参会人员…), or null to leave the column unread. What the file
 * names wins over the guess; columns it does not name are still guessed.
 */
export interface ImportMapping {
  sheet?: string;
  /** Excel row number of the header row. */
  headerRow?: number;
  columns: ReadonlyMap<string, ColumnTarget>;
  kinds: KindAliases;
  /** Kinds of every row of a sheet without a 活动类型 column (a sheet of 党课 only). */
  defaultKinds?: string;
}

/** A mapping file that cannot be used; nothing is imported. */
export class MappingError extends Error {
  constructor(
    readonly messageZh: string,
    messageEn: string,
  ) {
    super(messageEn);
    this.name = 'MappingError';
  }
}

export const EMPTY_MAPPING: ImportMapping = { columns: new Map(), kinds: new Map() };

const KEYS_HELP = IMPORT_COLUMNS.map((c) => `${c.key}（${c.header}）`).join('、');

function targetOf(header: string, value: unknown): ColumnTarget {
  if (value === null || value === 'ignore' || value === '忽略') return 'ignore';
  if (typeof value === 'string') {
    if (isImportColumnKey(value)) return value;
    const byHeader = matchImportHeader(value);
    if (byHeader !== undefined) return byHeader;
  }
  throw new MappingError(
    `映射文件中列“${header}”的目标“${String(value)}”无法识别；可用：${KEYS_HELP}，或 null 表示不导入`,
    `mapping: column "${header}" maps to unknown target ${JSON.stringify(value)}`,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads and checks a mapping file's text; throws MappingError with the reason in Chinese. */
export function parseMapping(text: string): ImportMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new MappingError(`映射文件不是有效的 JSON：${(error as Error).message}`, `mapping file is not valid JSON: ${(error as Error).message}`);
  }
  if (!isRecord(raw)) throw new MappingError('映射文件应为一个 JSON 对象', 'the mapping file must hold a JSON object');
  const known = new Set(['sheet', 'headerRow', 'columns', 'kinds', 'defaultKinds']);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) throw new MappingError(`映射文件中有未知的项“${key}”（可用：${[...known].join('、')}）`, `mapping: unknown key ${key}`);
  }
  const mapping: { sheet?: string; headerRow?: number; columns: Map<string, ColumnTarget>; kinds: Map<string, string>; defaultKinds?: string } = {
    columns: new Map(),
    kinds: new Map(),
  };
  if (raw.sheet !== undefined) {
    if (typeof raw.sheet !== 'string' || raw.sheet.trim() === '') throw new MappingError('映射文件的 sheet 应为工作表名称', 'mapping: sheet must be a name');
    mapping.sheet = raw.sheet;
  }
  if (raw.headerRow !== undefined) {
    if (typeof raw.headerRow !== 'number' || !Number.isInteger(raw.headerRow) || raw.headerRow < 1) {
      throw new MappingError('映射文件的 headerRow 应为表头所在的行号（从 1 开始）', 'mapping: headerRow must be a row number from 1');
    }
    mapping.headerRow = raw.headerRow;
  }
  if (raw.columns !== undefined) {
    if (!isRecord(raw.columns)) throw new MappingError('映射文件的 columns 应为 {"表头": "列"} 形式的对象', 'mapping: columns must be an object');
    for (const [header, value] of Object.entries(raw.columns)) mapping.columns.set(header.trim(), targetOf(header, value));
  }
  if (raw.kinds !== undefined) {
    if (!isRecord(raw.kinds)) throw new MappingError('映射文件的 kinds 应为 {"写法": "活动类型"} 形式的对象', 'mapping: kinds must be an object');
    for (const [word, value] of Object.entries(raw.kinds)) {
      if (typeof value !== 'string' || value.trim() === '') {
        throw new MappingError(`映射文件中“${word}”应对应一个活动类型名称`, `mapping: kinds.${word} must name a kind`);
      }
      mapping.kinds.set(word.trim(), value.trim());
    }
  }
  if (raw.defaultKinds !== undefined) {
    if (typeof raw.defaultKinds !== 'string' || raw.defaultKinds.trim() === '') {
      throw new MappingError('映射文件的 defaultKinds 应为活动类型名称（如 党课）', 'mapping: defaultKinds must name a kind');
    }
    mapping.defaultKinds = raw.defaultKinds.trim();
  }
  return mapping;
}
