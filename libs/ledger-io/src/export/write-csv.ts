import iconv from 'iconv-lite';
import { guardFormula } from '../formula-guard';
import { civilDateText, type SheetCell, type SheetSpec } from './sheet-spec';

export const CSV_ENCODINGS = ['utf8', 'gb18030'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * One sheet as CSV (RFC 4180, CRLF). UTF-8 carries a BOM, without which Excel reads it as the
 * local code page; GB18030 is what Chinese Excel and WPS save, for tools that expect it.
 */
export function writeCsv(sheet: SheetSpec, encoding: CsvEncoding = 'utf8'): Buffer {
  const lines = [sheet.columns.map((c) => c.header), ...sheet.rows].map((row) => row.map(csvField).join(','));
  const text = `${lines.join('\r\n')}\r\n`;
  return encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
}

export function csvField(cell: SheetCell): string {
  if (cell === null) return '';
  // Only text can carry a formula: numbers (a negative one too) and dates are written as they are.
  const text = cell instanceof Date ? civilDateText(cell) : typeof cell === 'string' ? guardFormula(cell) : String(cell);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
