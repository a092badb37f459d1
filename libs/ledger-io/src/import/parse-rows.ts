import { cellText, CellValue, isBlankRow, SheetTable } from './sheet-table';
import type { ImportMapping } from './column-mapping';
import { parseDateCell } from './date-cell';
import { ImportColumnKey, importColumnHeader } from './import-columns';
import type { ImportNotice, ImportProblem } from './import-problem';
import type { ImportRow, ImportRowValues } from './import-row';
import { KindCell, parseKindCell } from './kind-cell';
import { splitNameCell } from './name-list';
import { isCountCell, parseNumberCell } from './number-cell';
import type { SheetColumns } from './sheet-columns';
import { parseQuantity, splitListCell } from '../ledger-columns';
import { toHalfWidth } from './half-width';

/** A row starting with these is a total, not an activity. */
const TOTAL_ROW = /^(合计|小计|总计|累计)/u;
/** What people write in a names cell to say "nobody". */
const NOBODY = /^(无|没有|暂无|-+|—+|\/|／|无人)$/u;

export interface SheetRows {
  rows: ImportRow[];
  notices: ImportNotice[];
}

/** Reads one sheet's data rows once its columns are known; every cell problem names its column. */
export function parseSheetRows(sheet: SheetTable, columns: SheetColumns, options: { date1904: boolean; mapping?: ImportMapping; defaultKinds?: string }): SheetRows {
  const rows: ImportRow[] = [];
  const notices: ImportNotice[] = [];
  const countsOnly = new Set<ImportColumnKey>();
  // A sheet repeats a handful of kind cells thousands of times: read each distinct one once.
  const kindMemo = new Map<string, KindCell>();
  const kindsOf = (text: string) => {
    let cell = kindMemo.get(text);
    if (cell === undefined) kindMemo.set(text, (cell = parseKindCell(text, options.mapping?.kinds)));
    return cell;
  };
  const rowOptions = { date1904: options.date1904, defaultKinds: options.defaultKinds, kindsOf };
  for (let i = columns.dataStart; i < sheet.rows.length; i++) {
    const row = sheet.rows[i];
    if (isBlankRow(row.cells)) continue;
    if (isTotalRow(row.cells)) {
      notices.push({ sheet: sheet.name, row: row.number, message: '合计行，已跳过', messageEn: 'a total row, skipped' });
      continue;
    }
    rows.push(parseRow(sheet.name, row.number, row.cells, columns, rowOptions, countsOnly));
  }
  for (const key of countsOnly) {
    const header = columns.byKey.get(key)?.header ?? importColumnHeader(key);
    notices.push({
      sheet: sheet.name,
      row: columns.headerRow,
      message: `“${header}”列填写的是人数，只用于核对，不单独保存；如需记录${importColumnHeader(key)}名单请填写姓名`,
      messageEn: `column "${header}" holds counts: checked, not stored (names would be)`,
    });
  }
  return { rows, notices };
}

function isTotalRow(cells: readonly CellValue[]): boolean {
  for (const cell of cells.slice(0, 3)) {
    const text = cellText(cell);
    if (text !== null) return TOTAL_ROW.test(text.replace(/\s+/gu, ''));
  }
  return false;
}

class RowReader {
  readonly problems: ImportProblem[] = [];

  constructor(
    private readonly sheet: string,
    private readonly rowNumber: number,
    private readonly cells: readonly CellValue[],
    private readonly columns: SheetColumns,
  ) {}

  cell(key: ImportColumnKey): CellValue {
    const column = this.columns.byKey.get(key);
    return column === undefined ? null : (this.cells[column.index] ?? null);
  }

  text(key: ImportColumnKey): string | null {
    return cellText(this.cell(key));
  }

  problem(key: ImportColumnKey | null, message: string, messageEn: string, field: string | null = key): void {
    const column = key === null ? undefined : this.columns.byKey.get(key);
    this.problems.push({
      sheet: this.sheet,
      row: this.rowNumber,
      column: column?.header ?? (key === null ? null : importColumnHeader(key)),
      columnLetter: column?.letter ?? null,
      field,
      message,
      messageEn,
    });
  }

  number(key: ImportColumnKey, label: string): number | null {
    const parsed = parseNumberCell(this.cell(key));
    if (parsed.ok) return parsed.value;
    this.problem(key, `${label}不是数字：${parsed.shown}`, `${key} is not a number: ${parsed.shown}`);
    return null;
  }

  /** Names, or a count when the cell holds only a number (then `names` is empty). */
  names(key: ImportColumnKey): { names: string[]; count: number | null } {
    const value = this.cell(key);
    if (isCountCell(value)) {
      const parsed = parseNumberCell(value);
      return { names: [], count: parsed.ok ? parsed.value : null };
    }
    const text = cellText(value);
    if (text === null || NOBODY.test(text)) return { names: [], count: null };
    return { names: splitNameCell(text), count: null };
  }
}

function checkCount(reader: RowReader, key: ImportColumnKey, label: string, value: number | null): number | null {
  if (value === null) return null;
  if (!Number.isInteger(value) || value < 0) {
    reader.problem(key, `${label}应为非负整数：${value}`, `${key} must be a whole number ≥ 0: ${value}`);
    return null;
  }
  return value;
}

function parseRow(
  sheet: string,
  rowNumber: number,
  cells: readonly CellValue[],
  columns: SheetColumns,
  options: { date1904: boolean; defaultKinds?: string; kindsOf: (text: string) => KindCell },
  countsOnly: Set<ImportColumnKey>,
): ImportRow {
  const r = new RowReader(sheet, rowNumber, cells, columns);

  let date: string | null = null;
  const dateCell = r.cell('date');
  if (cellText(dateCell) === null) r.problem('date', '请填写活动日期', 'the date is empty');
  else {
    const parsed = parseDateCell(dateCell, options.date1904);
    if (parsed.ok) date = parsed.date;
    else r.problem('date', parsed.message, parsed.messageEn);
  }

  const kindText = r.text('kinds') ?? options.defaultKinds ?? null;
  let kindWords: string[] = [];
  let qualifier: string | null = null;
  if (kindText === null) r.problem('kinds', '请填写活动类型（如 支部党员大会、党课、主题党日）', 'the kind is empty');
  else {
    const kinds = options.kindsOf(kindText);
    kindWords = [...kinds.words];
    qualifier = kinds.qualifier;
    for (const issue of kinds.issues) r.problem('kinds', issue.message, issue.messageEn);
  }
  const qualifierText = r.text('qualifier');
  if (qualifierText !== null) {
    if (qualifier !== null) r.problem('qualifier', `细分类型已在活动类型中写明，请只写一处：${qualifierText}`, 'qualifier given twice');
    else qualifier = qualifierText;
  }

  const attendees = r.names('attendees');
  const leave = r.names('leave');
  const absent = r.names('absent');
  const observers = r.names('observers');
  if (observers.count !== null) r.problem('observers', '列席人员请填写姓名', 'observers must be named');

  const present = checkCount(r, 'present', '实到人数', r.number('present', '实到人数'));
  const attendeeCount = checkCount(r, 'attendees', '参会人数', attendees.count);
  let headcount: number | null = present;
  let headcountColumn: ImportRowValues['headcountColumn'] = present === null ? null : 'present';
  if (attendeeCount !== null) {
    if (present !== null && present !== attendeeCount) {
      r.problem('present', `实到人数 ${present} 与参会人员栏的人数 ${attendeeCount} 不一致`, `present ${present} differs from the attendee count ${attendeeCount}`);
    } else if (present === null) {
      headcount = attendeeCount;
      headcountColumn = 'attendees';
    }
  }
  // A named list with the same 实到 says nothing more: the names are the headcount (as export writes it).
  if (headcount !== null && headcountColumn === 'present' && attendees.names.length > 0 && headcount === attendees.names.length) {
    headcount = null;
    headcountColumn = null;
  }

  const expected = checkCount(r, 'expected', '应到人数', r.number('expected', '应到人数'));
  if (leave.count !== null) countsOnly.add('leave');
  if (absent.count !== null) countsOnly.add('absent');
  const leaveCount = checkCount(r, 'leave', '请假人数', leave.count) ?? leave.names.length;
  const absentCount = checkCount(r, 'absent', '缺席人数', absent.count) ?? absent.names.length;
  const presentCount = present ?? attendeeCount ?? attendees.names.length;
  if (expected !== null && presentCount + leaveCount + absentCount > expected) {
    r.problem(
      'expected',
      `应到 ${expected} 人少于实到、请假、缺席之和 ${presentCount + leaveCount + absentCount} 人`,
      `expected ${expected} is below present + leave + absent (${presentCount + leaveCount + absentCount})`,
    );
  }

  const hours = r.number('hours', '学时');

  let quantity: ImportRowValues['quantity'] = null;
  const quantityText = r.text('quantities');
  if (quantityText !== null) {
    const parts = splitListCell(toHalfWidth(quantityText));
    if (parts.length > 1) {
      r.problem('quantities', `一条活动只能登记一项成果：${quantityText}`, `only one produced quantity per activity: ${quantityText}`, 'quantity');
    } else {
      const q = parseQuantity(parts[0] ?? quantityText);
      if (q === undefined) r.problem('quantities', `成果应写作“名称+数量+单位”，如 调研报告3篇：${quantityText}`, `quantity not understood: ${quantityText}`, 'quantity');
      else quantity = q;
    }
  }

  const idText = r.text('id');
  // A bare number under 编号 is the sheet's row numbering, not an activity id.
  const id = idText !== null && !/^\d+$/.test(idText) ? idText : null;

  const groupsText = r.text('groups');
  return {
    ref: { sheet, row: rowNumber },
    problems: r.problems,
    values: {
      id,
      org: r.text('org'),
      date,
      kindWords,
      qualifier,
      title: r.text('title'),
      place: r.text('place'),
      host: r.text('host'),
      speaker: r.text('speaker'),
      attendees: attendees.names,
      leave: leave.names,
      absent: absent.names,
      observers: observers.names,
      headcount,
      headcountColumn,
      hours,
      groups: groupsText === null || NOBODY.test(groupsText) ? [] : splitListCell(groupsText),
      quantity,
      note: r.text('note'),
    },
  };
}
