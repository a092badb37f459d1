/** Where a problem sits in the file, as the user sees it in Excel or WPS. */
export interface CellRef {
  /** Worksheet name; the file name for a CSV. */
  sheet: string;
  /** Row number as Excel shows it (1 = the first row); null for a whole-sheet or whole-file problem. */
  row: number | null;
  /** The column's header text as written in the sheet; null when the problem is not one column's. */
  column: string | null;
  /** Column letter (A, B … AA); null with `column`. */
  columnLetter: string | null;
}

/** One reason a row (or the file) cannot be imported, in Chinese for the user and English for logs. */
export interface ImportProblem extends CellRef {
  /** The activity field concerned (date, kinds, attendees…), null for the row as a whole. */
  field: string | null;
  message: string;
  messageEn: string;
}

/**
 * Something the user should know that does not stop a row: a column left unread, a sheet skipped,
 * a total row passed over. Nothing in the file is dropped without one of these or a problem.
 */
export interface ImportNotice {
  sheet: string;
  row: number | null;
  message: string;
  messageEn: string;
}

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The inverse of `columnLetter`; undefined for anything that is not 1–3 letters. */
export function columnIndexOf(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

/** Problems as the CLI lists them: `工作表“台账” 第 12 行 “日期”列：…`. */
export function describeProblemPlace(p: CellRef): string {
  const parts = [`工作表“${p.sheet}”`];
  if (p.row !== null) parts.push(`第 ${p.row} 行`);
  if (p.column !== null) parts.push(`“${p.column}”列${p.columnLetter ? `（${p.columnLetter}）` : ''}`);
  return parts.join(' ');
}

export function describeProblemPlaceEn(p: CellRef): string {
  const parts = [`sheet "${p.sheet}"`];
  if (p.row !== null) parts.push(`row ${p.row}`);
  if (p.column !== null) parts.push(`column "${p.column}"${p.columnLetter ? ` (${p.columnLetter})` : ''}`);
  return parts.join(', ');
}
