/**
 * A sheet as the readers hand it over, whatever the file format: rows of plain cell values with
 * their Excel row numbers. Dates are `Date` only when the file itself said "this is a date"
 * (a date-formatted xlsx cell); a number may still be a date serial, decided by the column.
 */
export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** As Excel shows it (1-based); for a CSV, the record's position. */
  number: number;
  /** Index 0 = column A; missing cells are null or absent. */
  cells: CellValue[];
}

export interface SheetTable {
  name: string;
  rows: SheetRow[];
  /** Hidden in the workbook: read only when asked for by name. */
  hidden?: boolean;
}

export interface TableFile {
  format: 'xlsx' | 'csv';
  /** For a CSV, how its bytes were decoded (utf-8, utf-8 with BOM, gb18030, utf-16le). */
  encoding: string | null;
  sheets: SheetTable[];
  /** The workbook counts dates from 1904 (old Mac Excel): serials are shifted. */
  date1904: boolean;
}

/** A cell as text: trimmed, empty → null; numbers as typed (no thousands separators), booleans 是/否. */
export function cellText(value: CellValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  return Number.isNaN(value.getTime()) ? null : value.toISOString();
}

export function isBlankRow(cells: readonly (CellValue | undefined)[]): boolean {
  return cells.every((c) => cellText(c) === null);
}
