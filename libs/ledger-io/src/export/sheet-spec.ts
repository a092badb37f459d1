/**
 * A sheet as plain data, before it is an xlsx worksheet or a CSV file: the builders produce these
 * (easy to test), the writers turn them into bytes.
 */

/** A `Date` cell always holds a civil date at UTC midnight (see `civilDateCell`). */
export type SheetCell = string | number | Date | null;

export interface SheetColumn {
  header: string;
  /** `date` cells get a Chinese date format; `number` ones are right-aligned by Excel anyway. */
  type: 'text' | 'number' | 'date';
}

export interface SheetSpec {
  /** Excel allows 31 characters and none of []:*?/\ — ours are short Chinese names. */
  name: string;
  columns: SheetColumn[];
  rows: SheetCell[][];
}

/** A civil date (YYYY-MM-DD, China time) as the Date Excel's serial for that day is computed from. */
export function civilDateCell(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** The civil date a `civilDateCell` holds. */
export function civilDateText(cell: Date): string {
  return cell.toISOString().slice(0, 10);
}
