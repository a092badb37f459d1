import { parse } from 'csv-parse/sync';
import { unguardFormula } from '../formula-guard';
import { ImportFileError } from './import-file-error';
import type { SheetRow, TableFile } from './sheet-table';
import { decodeText } from './text-encoding';

/** The delimiter of the first line: commas, or tabs (WPS and Excel's “Unicode text”), or semicolons. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  const candidates = [',', '\t', ';'].map((c) => ({ c, n: count(c) }));
  candidates.sort((a, b) => b.n - a.n);
  return candidates[0].n > 0 ? candidates[0].c : ',';
}

/**
 * Reads a CSV (UTF-8 with or without BOM, GBK/GB18030, UTF-16) as one sheet named after the file.
 * Cells stay text: dates and numbers are read by their column; the apostrophe an export puts before
 * a formula-like text is taken off. Row numbers count records, which is what Excel shows when it opens the file.
 */
export function readCsv(bytes: Uint8Array, sheetName: string): TableFile {
  const { text, encoding } = decodeText(bytes);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    throw new ImportFileError(`无法读取 CSV 文件：${(error as Error).message}`, `cannot read the CSV file: ${(error as Error).message}`);
  }
  const rows: SheetRow[] = records.map((cells, i) => ({ number: i + 1, cells: cells.map(unguardFormula) }));
  return { format: 'csv', encoding, sheets: [{ name: sheetName, rows }], date1904: false };
}
