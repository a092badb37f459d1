import ExcelJS from 'exceljs';
import type { SheetCell, SheetSpec } from './sheet-spec';

/** Excel's built-in Chinese long date (numFmt 31): 2021年3月5日. */
export const CHINESE_DATE_FORMAT = 'yyyy"年"m"月"d"日"';

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** The sheets as one .xlsx file: a bold, frozen, filterable header row and widths that fit. */
export async function writeXlsx(sheets: readonly SheetSpec[], options: { creator?: string; created?: Date } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator ?? '台账';
  if (options.created) {
    workbook.created = options.created;
    workbook.modified = options.created;
  }
  for (const sheet of sheets) addSheet(workbook, sheet);
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}

function addSheet(workbook: ExcelJS.Workbook, sheet: SheetSpec): void {
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((column, i) => ({
    header: column.header,
    key: `c${i}`,
    width: columnWidth(column.header, sheet.rows.map((row) => row[i]), column.type === 'date'),
    style: column.type === 'date' ? { numFmt: CHINESE_DATE_FORMAT } : undefined,
  }));
  for (const row of sheet.rows) worksheet.addRow(row.map((cell) => cell ?? null));
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  if (sheet.columns.length > 0) worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
}

/** Wide enough for the header and the longest cell (a CJK character is two columns wide). */
export function columnWidth(header: string, cells: readonly SheetCell[], isDate: boolean): number {
  let widest = displayWidth(header);
  if (isDate) widest = Math.max(widest, 12);
  for (const cell of cells) {
    if (cell === null || cell instanceof Date) continue;
    widest = Math.max(widest, displayWidth(String(cell)));
    if (widest >= MAX_WIDTH) break;
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return width;
}
