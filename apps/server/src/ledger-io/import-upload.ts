import { extname } from 'node:path';
import { ValidationError } from '../../../../libs/domain/src';
import { ImportFileError, readImportFile, type ParsedImport } from '../../../../libs/ledger-io/src/import';

/**
 * Largest import file accepted: a 100,000-row 台账 is about 6 MB as xlsx and 15 MB as CSV; the
 * whole file is held in memory until it is read (and, on the page, until it is confirmed).
 */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_MB = IMPORT_MAX_BYTES / (1024 * 1024);

/** The multer options of an import upload: one file, in memory, UTF-8 file names. */
export const IMPORT_UPLOAD_LIMITS = {
  limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10, fieldSize: 1024 },
  defParamCharset: 'utf8',
};

/** An upload as multer hands it over (memory storage). */
export interface UploadedImport {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** What the user asked to import, before it is read. */
export interface ImportRequest {
  bytes: Buffer;
  fileName: string;
  sheet?: string;
}

const ACCEPTED = new Set(['.xlsx', '.csv', '.txt']);

/**
 * The upload, checked before a byte of it is parsed: present, not empty, and an .xlsx or .csv by
 * name (a Word file or picture would otherwise be read as a CSV of nonsense).
 */
export function checkImportUpload(file: UploadedImport | undefined, fileName: string): void {
  if (!file) throw ValidationError.of('file', '请选择要导入的台账文件（.xlsx 或 .csv）', 'upload the ledger file as the multipart field "file"');
  if (file.size === 0 || file.buffer.length === 0) throw ValidationError.of('file', `文件“${fileName}”是空的`, `${fileName} is empty`);
  const ext = extname(fileName).toLowerCase();
  if (ext === '.xls' || ext === '.et') {
    throw ValidationError.of(
      'file',
      `不支持旧版 Excel / WPS 表格（${ext}）：请在 Excel 或 WPS 中“另存为” .xlsx 或 CSV 后再上传`,
      `legacy ${ext} files are not supported: save as .xlsx or CSV`,
    );
  }
  if (!ACCEPTED.has(ext)) {
    throw ValidationError.of(
      'file',
      `不支持的文件类型“${ext || fileName}”：只能导入 Excel 工作簿（.xlsx）或 CSV 文件（.csv）`,
      `unsupported file type ${ext || fileName}: upload an .xlsx or .csv file`,
    );
  }
}

/** Reads the file; a file that cannot be read at all is the `file` field's problem (400). */
export async function readImportRequest(request: ImportRequest): Promise<ParsedImport> {
  try {
    return await readImportFile({ bytes: request.bytes, fileName: request.fileName, sheet: request.sheet || undefined });
  } catch (error) {
    if (error instanceof ImportFileError) {
      // A sheet asked for that the workbook lacks is the sheet field's; anything else the file's.
      const field = request.sheet && /工作表/.test(error.messageZh) && /没有名为/.test(error.messageZh) ? 'sheet' : 'file';
      throw ValidationError.of(field, error.messageZh, error.message);
    }
    throw error;
  }
}
