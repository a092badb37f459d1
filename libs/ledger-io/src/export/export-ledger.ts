import { ValidationError } from '../../../domain/src';
import type { LedgerView } from '../../../projections/src/ledger-view';
import { ACTIVITY_SHEET_NAME } from './activity-sheets';
import { loadLedgerExport, type LedgerExportQuery } from './export-data';
import { ledgerSheets } from './ledger-sheets';
import { CSV_ENCODINGS, writeCsv, type CsvEncoding } from './write-csv';
import { writeXlsx } from './write-xlsx';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface LedgerExportOptions extends LedgerExportQuery {
  format: ExportFormat;
  /** CSV only; UTF-8 with a BOM when omitted. */
  encoding?: CsvEncoding;
}

export interface LedgerExport {
  content: Buffer;
  format: ExportFormat;
  /** `台账-第一党支部-2021.xlsx`: a name to save or download it under. */
  fileName: string;
  mimeType: string;
  /** Live and voided activity rows written, for the caller to report. */
  activities: number;
  voided: number;
  sheets: string[];
}

const MIME_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/**
 * The 台账 of one org (or its subtree) for one year as a file's bytes: the whole workbook, or its
 * 活动台账 sheet as CSV. Nothing is written anywhere; the caller saves or sends the buffer.
 */
export async function exportLedger(view: LedgerView, options: LedgerExportOptions): Promise<LedgerExport> {
  const format = checkFormat(options.format);
  const encoding = checkEncoding(format, options.encoding);
  const data = await loadLedgerExport(view, options);
  const sheets = ledgerSheets(data);
  const written = format === 'xlsx' ? sheets : sheets.filter((s) => s.name === ACTIVITY_SHEET_NAME);
  const content = format === 'xlsx' ? await writeXlsx(written) : writeCsv(written[0], encoding);
  return {
    content,
    format,
    fileName: exportFileName(data.root.name || data.root.id, data.year, format),
    mimeType: format === 'csv' ? `${MIME_TYPES.csv}; charset=${encoding === 'gb18030' ? 'gb18030' : 'utf-8'}` : MIME_TYPES.xlsx,
    activities: data.activities.length,
    voided: data.voided.length,
    sheets: written.map((s) => s.name),
  };
}

/** `台账-<org>-<year>.<ext>`, with characters no file system accepts replaced. */
export function exportFileName(orgName: string, year: number, format: ExportFormat): string {
  const safe = orgName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'org';
  return `台账-${safe}-${year}.${format}`;
}

export function checkFormat(value: string | undefined): ExportFormat {
  const format = (value ?? 'xlsx').trim().toLowerCase();
  if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
  throw ValidationError.of('format', `导出格式“${value}”无效，应为 xlsx 或 csv`, `invalid format "${value}": use xlsx or csv`);
}

export function checkEncoding(format: ExportFormat, value: string | undefined): CsvEncoding {
  if (value === undefined) return 'utf8';
  const encoding = value.trim().toLowerCase().replace(/^utf-8$/, 'utf8');
  if (format !== 'csv') {
    throw ValidationError.of('encoding', '编码只适用于 CSV 导出（--format csv）', 'an encoding applies to CSV exports only (--format csv)');
  }
  if ((CSV_ENCODINGS as readonly string[]).includes(encoding)) return encoding as CsvEncoding;
  throw ValidationError.of('encoding', `编码“${value}”无效，应为 utf8 或 gb18030`, `invalid encoding "${value}": use utf8 or gb18030`);
}
