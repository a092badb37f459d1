import { columnIndexOf, columnLetter, ImportNotice } from './import-problem';
import { ColumnTarget, headerKey, ImportColumnKey, importColumnHeader, matchImportHeader } from './import-columns';
import type { ImportMapping } from './column-mapping';
import { parseDateCell } from './date-cell';
import { cellText, CellValue, isBlankRow, SheetRow, SheetTable } from './sheet-table';

export interface ColumnInfo {
  index: number;
  /** The header as the sheet writes it (the letter when the sheet has none there). */
  header: string;
  letter: string;
}

/** Where a sheet's activity columns are. */
export interface SheetColumns {
  sheet: string;
  /** Excel row number of the (last) header row. */
  headerRow: number;
  /** Index into the sheet's rows where data starts. */
  dataStart: number;
  byKey: ReadonlyMap<ImportColumnKey, ColumnInfo>;
  notices: ImportNotice[];
}

/** How many leading rows may hold a title and notes before the header. */
const HEADER_SEARCH_ROWS = 15;

function mappedTarget(mapping: ImportMapping | undefined, header: string | null, index: number): ColumnTarget | undefined {
  if (!mapping || mapping.columns.size === 0) return undefined;
  if (header !== null) {
    const key = headerKey(header);
    for (const [name, target] of mapping.columns) if (headerKey(name) === key) return target;
  }
  for (const [name, target] of mapping.columns) if (columnIndexOf(name) === index && /^[A-Z]{1,3}$/.test(name)) return target;
  return undefined;
}

function targetAt(mapping: ImportMapping | undefined, cells: readonly CellValue[], index: number): ColumnTarget | undefined {
  const header = cellText(cells[index]);
  return mappedTarget(mapping, header, index) ?? (header === null ? undefined : matchImportHeader(header));
}

function widthOf(mapping: ImportMapping | undefined, ...rows: readonly (SheetRow | undefined)[]): number {
  let width = 0;
  for (const row of rows) if (row) width = Math.max(width, row.cells.length);
  for (const name of mapping?.columns.keys() ?? []) {
    const index = /^[A-Z]{1,3}$/.test(name) ? columnIndexOf(name) : undefined;
    if (index !== undefined) width = Math.max(width, index + 1);
  }
  return width;
}

function keysOf(mapping: ImportMapping | undefined, row: SheetRow): Set<ImportColumnKey> {
  const keys = new Set<ImportColumnKey>();
  for (let i = 0; i < widthOf(mapping, row); i++) {
    const target = targetAt(mapping, row.cells, i);
    if (target !== undefined && target !== 'ignore') keys.add(target);
  }
  return keys;
}

/** The header row: the one naming most of our columns, 日期 among them (or the mapping's). */
function findHeaderIndex(sheet: SheetTable, mapping: ImportMapping | undefined): number | undefined {
  if (mapping?.headerRow !== undefined) {
    const index = sheet.rows.findIndex((r) => r.number === mapping.headerRow);
    return index >= 0 ? index : undefined;
  }
  let best: { index: number; score: number } | undefined;
  let seen = 0;
  for (let i = 0; i < sheet.rows.length && seen < HEADER_SEARCH_ROWS; i++) {
    if (isBlankRow(sheet.rows[i].cells)) continue;
    seen += 1;
    const keys = keysOf(mapping, sheet.rows[i]);
    if (!keys.has('date') || keys.size < 2) continue;
    if (best === undefined || keys.size > best.score) best = { index: i, score: keys.size };
  }
  return best?.index;
}

/**
 * A second header row under the first (参会情况 merged over 应到 / 实到 / 请假 / 缺席): it names
 * columns the first leaves empty or unknown, and is not itself a row of data.
 */
function isSubHeader(mapping: ImportMapping | undefined, header: SheetRow, next: SheetRow | undefined, dateIndex: number): boolean {
  if (!next || isBlankRow(next.cells)) return false;
  const dateCell = next.cells[dateIndex] ?? null;
  if (dateCell !== null && parseDateCell(dateCell).ok) return false;
  const width = widthOf(mapping, header, next);
  let adds = 0;
  for (let i = 0; i < width; i++) {
    const top = targetAt(mapping, header.cells, i);
    const below = targetAt(mapping, next.cells, i);
    if ((top === undefined || top === 'ignore') && below !== undefined && below !== 'ignore') adds += 1;
  }
  return adds > 0;
}

/**
 * Finds the header row(s) of a sheet and which column holds what: the mapping file first, then
 * the header synonyms. Undefined when the sheet has no recognisable header (no 日期 column).
 */
export function locateColumns(sheet: SheetTable, mapping?: ImportMapping): SheetColumns | undefined {
  const headerIndex = findHeaderIndex(sheet, mapping);
  if (headerIndex === undefined) return undefined;
  const header = sheet.rows[headerIndex];
  const firstKeys = keysOf(mapping, header);
  let dateIndex = -1;
  for (let i = 0; i < widthOf(mapping, header); i++) if (targetAt(mapping, header.cells, i) === 'date') dateIndex = i;
  const next = sheet.rows[headerIndex + 1];
  const twoRows = dateIndex >= 0 && firstKeys.has('date') && isSubHeader(mapping, header, next, dateIndex);
  const rows = twoRows && next ? [header, next] : [header];

  const byKey = new Map<ImportColumnKey, ColumnInfo>();
  const notices: ImportNotice[] = [];
  const headerRow = rows[rows.length - 1].number;
  for (let i = 0; i < widthOf(mapping, ...rows); i++) {
    let target: ColumnTarget | undefined;
    let text: string | null = null;
    // The lower row names the column when the upper one does not (a merged group title above).
    for (const row of [...rows].reverse()) {
      const t = targetAt(mapping, row.cells, i);
      const h = cellText(row.cells[i]);
      if (t !== undefined) {
        target = t;
        text = h;
        break;
      }
      text = text ?? h;
    }
    const letter = columnLetter(i);
    if (target === undefined) {
      if (text !== null) {
        notices.push({
          sheet: sheet.name,
          row: headerRow,
          message: `列“${text}”（${letter}）无法识别，未导入；如需导入请在映射文件中指定`,
          messageEn: `column "${text}" (${letter}) is not recognised and was not read`,
        });
      }
      continue;
    }
    if (target === 'ignore') continue;
    const earlier = byKey.get(target);
    if (earlier) {
      notices.push({
        sheet: sheet.name,
        row: headerRow,
        message: `列“${text ?? letter}”（${letter}）和列“${earlier.header}”（${earlier.letter}）都是“${importColumnHeader(target)}”，只读取前者“${earlier.header}”`,
        messageEn: `columns ${earlier.letter} and ${letter} both map to ${target}; only ${earlier.letter} is read`,
      });
      continue;
    }
    byKey.set(target, { index: i, header: text ?? letter, letter });
  }
  if (byKey.has('expected')) {
    notices.push({
      sheet: sheet.name,
      row: headerRow,
      message: '“应到”人数只用于核对，不单独保存：应到人数由活动当日的党员名册得出',
      messageEn: 'the expected count is only checked, not stored: it follows from the roster on the day',
    });
  }
  return { sheet: sheet.name, headerRow, dataStart: headerIndex + rows.length, byKey, notices };
}
