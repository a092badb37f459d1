import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ImportFileError } from './import-file-error';
import type { CellValue, SheetRow, SheetTable, TableFile } from './sheet-table';

/** What exceljs hands out for a cell, narrowed to what we read. */
type RawCell = unknown;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A cell as a plain value: rich text joined, a formula's cached result, a hyperlink's text, an error as its code. */
export function plainCellValue(raw: RawCell): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (raw instanceof Date) return raw;
  if (isRecord(raw)) {
    if (Array.isArray(raw.richText)) return raw.richText.map((part: unknown) => (isRecord(part) && typeof part.text === 'string' ? part.text : '')).join('');
    if ('result' in raw) return plainCellValue(raw.result);
    if ('formula' in raw || 'sharedFormula' in raw) return null;
    if (typeof raw.text === 'string') return raw.text;
    if (isRecord(raw.text)) return plainCellValue(raw.text);
    if (typeof raw.error === 'string') return raw.error;
  }
  return String(raw);
}

interface ReaderState {
  model?: { sheets?: { name: string }[] };
  properties?: { model?: { date1904?: boolean } };
}

type RowLike = { number: number; values: unknown };

function rowCells(row: RowLike): CellValue[] {
  const values = Array.isArray(row.values) ? (row.values as unknown[]) : [];
  const cells: CellValue[] = new Array(Math.max(0, values.length - 1));
  // exceljs row values are 1-based: index 1 is column A.
  for (let i = 1; i < values.length; i++) cells[i - 1] = plainCellValue(values[i]);
  return cells;
}

const isHidden = (state: string | undefined) => state === 'hidden' || state === 'veryHidden';

/** The streaming reader: a 100,000-row sheet in a couple of seconds, without the workbook model in memory. */
async function readStreaming(bytes: Buffer): Promise<TableFile> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets: SheetTable[] = [];
  for await (const worksheet of reader) {
    const ws = worksheet as unknown as { name: string; state?: string } & AsyncIterable<RowLike>;
    const rows: SheetRow[] = [];
    for await (const row of ws) rows.push({ number: row.number, cells: rowCells(row) });
    sheets.push({ name: ws.name, rows, hidden: isHidden(ws.state) });
  }
  const state = reader as unknown as ReaderState;
  // Zip order is not tab order: put the sheets back in the order the workbook lists them.
  const order = new Map((state.model?.sheets ?? []).map((s, i) => [s.name, i]));
  sheets.sort((a, b) => (order.get(a.name) ?? sheets.length) - (order.get(b.name) ?? sheets.length));
  return { format: 'xlsx', encoding: null, sheets, date1904: Boolean(state.properties?.model?.date1904) };
}

/** The whole-workbook reader: slower, but indifferent to the order of the parts inside the zip. */
async function readWhole(bytes: Buffer): Promise<TableFile> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: SheetTable[] = workbook.worksheets.map((ws) => {
    const rows: SheetRow[] = [];
    ws.eachRow((row) => rows.push({ number: row.number, cells: rowCells(row as unknown as RowLike) }));
    return { name: ws.name, rows, hidden: isHidden(ws.state) };
  });
  return { format: 'xlsx', encoding: null, sheets, date1904: Boolean(workbook.properties.date1904) };
}

/**
 * Reads every worksheet of an xlsx. Date-formatted cells come back as `Date`; the Chinese built-in
 * date formats come back as serial numbers (see date-cell.ts). The streaming reader is tried first;
 * it depends on the parts of the zip coming in the order Excel writes them, so a file from
 * another writer that trips it is read again whole.
 */
export async function readXlsx(bytes: Buffer): Promise<TableFile> {
  try {
    return await readStreaming(bytes);
  } catch {
    try {
      return await readWhole(bytes);
    } catch (error) {
      throw new ImportFileError(
        `无法读取 Excel 文件（文件已损坏，或不是 .xlsx 格式；旧版 .xls 请先另存为 .xlsx）：${(error as Error).message}`,
        `cannot read the xlsx file: ${(error as Error).message}`,
      );
    }
  }
}
