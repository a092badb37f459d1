import { createHash } from 'node:crypto';
import { findActivityKind } from '../../../domain/src/catalog/activity-kinds';
import { ACTIVITY_SHEET_NAME, VOIDED_SHEET_NAME } from '../export/activity-sheets';
import type { ImportMapping } from './column-mapping';
import { ImportFileError } from './import-file-error';
import type { ImportNotice, ImportProblem } from './import-problem';
import type { ImportRow } from './import-row';
import { parseSheetRows } from './parse-rows';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { locateColumns, SheetColumns } from './sheet-columns';
import type { SheetTable, TableFile } from './sheet-table';

export interface ImportFileInput {
  bytes: Buffer;
  /** As the user knows it (recorded in every imported event); also names a CSV's one sheet. */
  fileName: string;
  /** Import this sheet (default: the first sheet with a ledger header). */
  sheet?: string;
  mapping?: ImportMapping;
}

export interface ImportFileInfo {
  name: string;
  sha256: string;
  format: TableFile['format'];
  encoding: string | null;
}

/** A file read and its rows parsed, before any lookup in the ledger. */
export interface ParsedImport {
  file: ImportFileInfo;
  /** The sheets whose rows were read (with where each column is). */
  sheets: SheetColumns[];
  rows: ImportRow[];
  /** Problems of the file or a sheet as a whole (no header found…); row problems are on the rows. */
  problems: ImportProblem[];
  notices: ImportNotice[];
}

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

async function readTable(input: ImportFileInput): Promise<TableFile> {
  if (startsWith(input.bytes, XLSX_MAGIC)) return readXlsx(input.bytes);
  if (startsWith(input.bytes, OLE_MAGIC)) {
    throw new ImportFileError(
      '不支持旧版 Excel（.xls）或 WPS（.et）格式：请在 Excel / WPS 中“另存为” .xlsx 或 CSV 后再导入',
      'legacy .xls/.et files are not supported: save as .xlsx or CSV',
    );
  }
  return readCsv(input.bytes, baseName(input.fileName).replace(/\.[^.]*$/, '') || 'CSV');
}

/** A sheet named after a kind (党课, 支委会记录) holds that kind when it has no 活动类型 column. */
function kindOfSheetName(name: string): string | undefined {
  const trimmed = name.replace(/\s+/gu, '');
  for (const candidate of [trimmed, trimmed.replace(/(记录表|登记表|记录|台账|登记)$/u, '').replace(/^\d{4}年?/u, '')]) {
    const kind = findActivityKind(candidate);
    if (kind) return kind.name;
  }
  return undefined;
}

function sheetProblem(sheet: string, message: string, messageEn: string): ImportProblem {
  return { sheet, row: null, column: null, columnLetter: null, field: null, message, messageEn };
}

/**
 * Why a second sheet with a ledger header was left alone. A workbook Taizhang exported holds the
 * same activities again on its per-kind sheets, and the voided ones on 已作废: importing either
 * would add nothing or bring back what was voided, so only a foreign workbook is told how to.
 */
function otherSheetNotice(first: { sheet: SheetTable; columns: SheetColumns }, sheet: SheetTable): ImportNotice {
  const exported = first.sheet.name === ACTIVITY_SHEET_NAME && first.columns.byKey.has('id');
  if (exported && sheet.name === VOIDED_SHEET_NAME) {
    return {
      sheet: sheet.name,
      row: null,
      message: `工作表“${sheet.name}”是已作废的活动，不导入`,
      messageEn: `sheet "${sheet.name}" lists voided activities and is not imported`,
    };
  }
  if (exported) {
    return {
      sheet: sheet.name,
      row: null,
      message: `工作表“${sheet.name}”是导出台账的分表，其中的活动都已在“${ACTIVITY_SHEET_NAME}”中，不重复导入`,
      messageEn: `sheet "${sheet.name}" repeats activities of "${ACTIVITY_SHEET_NAME}" and is not imported`,
    };
  }
  return {
    sheet: sheet.name,
    row: null,
    message: `工作表“${sheet.name}”也有台账表头，本次未导入；如需导入，请指定工作表“${sheet.name}”（命令行：--sheet）再导入一次`,
    messageEn: `sheet "${sheet.name}" also looks like a ledger and was not imported (choose it with --sheet)`,
  };
}

/** The sheets to import: the one asked for, else the first visible one with a ledger header. */
function chooseSheets(table: TableFile, requested: string | undefined, mapping: ImportMapping | undefined, notices: ImportNotice[]) {
  const located: { sheet: SheetTable; columns: SheetColumns }[] = [];
  if (requested !== undefined && table.format === 'xlsx') {
    const sheet = table.sheets.find((s) => s.name === requested) ?? table.sheets.find((s) => s.name.trim() === requested.trim());
    if (!sheet) {
      const names = table.sheets.map((s) => `“${s.name}”`).join('、');
      throw new ImportFileError(`工作簿中没有名为“${requested}”的工作表（现有：${names}）`, `no sheet named ${requested}`);
    }
    const columns = locateColumns(sheet, mapping);
    return { located: columns ? [{ sheet, columns }] : [], tried: [sheet] };
  }
  const tried: SheetTable[] = [];
  for (const sheet of table.sheets) {
    if (sheet.hidden) continue;
    tried.push(sheet);
    const columns = locateColumns(sheet, mapping);
    if (!columns) continue;
    if (located.length === 0) located.push({ sheet, columns });
    else notices.push(otherSheetNotice(located[0], sheet));
  }
  return { located, tried };
}

/**
 * Reads an import file (xlsx or CSV, format told by its bytes) and parses the rows of the sheet to
 * import. Throws ImportFileError when the file cannot be read at all; everything else — a sheet
 * without a header, a bad cell — is a problem in the result, so a preview can show them all.
 */
export async function readImportFile(input: ImportFileInput): Promise<ParsedImport> {
  const table = await readTable(input);
  const notices: ImportNotice[] = [];
  const problems: ImportProblem[] = [];
  const mapping = input.mapping;
  const requested = input.sheet ?? mapping?.sheet;
  const { located, tried } = chooseSheets(table, requested, mapping, notices);

  if (located.length === 0) {
    const where = tried.length === 1 ? tried[0].name : (tried.map((s) => s.name).join('、') || baseName(input.fileName));
    problems.push(
      sheetProblem(
        tried.length === 1 ? tried[0].name : baseName(input.fileName),
        `“${where}”中找不到台账表头：需要一行列名，至少包括“日期”和“活动类型”（或“主题”等），也可用 --map 映射文件指定`,
        `no ledger header found in ${where}: a header row with at least 日期 and one more known column is needed`,
      ),
    );
  }

  const sheets: SheetColumns[] = [];
  const rows: ImportRow[] = [];
  for (const { sheet, columns } of located) {
    notices.push(...columns.notices);
    let defaultKinds = mapping?.defaultKinds;
    if (!columns.byKey.has('kinds') && defaultKinds === undefined) {
      defaultKinds = kindOfSheetName(sheet.name);
      if (defaultKinds !== undefined) {
        notices.push({
          sheet: sheet.name,
          row: columns.headerRow,
          message: `工作表没有“活动类型”列，按工作表名称登记为“${defaultKinds}”`,
          messageEn: `no kind column: every row is taken as ${defaultKinds}, from the sheet name`,
        });
      }
    }
    if (!columns.byKey.has('kinds') && defaultKinds === undefined) {
      problems.push(
        sheetProblem(
          sheet.name,
          '找不到“活动类型”列：请加上这一列，或在映射文件中用 defaultKinds 指定本表的活动类型',
          'no kind column: add one, or give defaultKinds in the mapping file',
        ),
      );
      continue;
    }
    const parsed = parseSheetRows(sheet, columns, { date1904: table.date1904, mapping, defaultKinds });
    sheets.push(columns);
    // One at a time: spreading 100,000 rows into push() would overflow the call stack.
    for (const row of parsed.rows) rows.push(row);
    notices.push(...parsed.notices);
  }
  return {
    file: { name: baseName(input.fileName), sha256: createHash('sha256').update(input.bytes).digest('hex'), format: table.format, encoding: table.encoding },
    sheets,
    rows,
    problems,
    notices,
  };
}
