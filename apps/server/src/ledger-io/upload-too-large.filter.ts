import { ArgumentsHost, Catch, ExceptionFilter, PayloadTooLargeException } from '@nestjs/common';
import { HttpErrorFilter } from '../errors/http-error.filter';
import { IMPORT_MAX_MB } from './import-upload';

/**
 * Multer refuses an import file over the limit with Nest's bare "File too large"; this says it in
 * Chinese, on the `file` field, and lets the app's filter answer as usual (JSON or the error page).
 */
@Catch(PayloadTooLargeException)
export class ImportTooLargeFilter implements ExceptionFilter {
  private readonly answer = new HttpErrorFilter();

  catch(_error: PayloadTooLargeException, host: ArgumentsHost): void {
    const message = `文件过大：导入的台账文件不能超过 ${IMPORT_MAX_MB} MB（可按年度分成几个文件导入）`;
    const messageEn = `the import file is larger than ${IMPORT_MAX_MB} MB`;
    this.answer.catch(
      new PayloadTooLargeException({ error: 'too-large', message, messageEn, issues: [{ field: 'file', message, messageEn }] }),
      host,
    );
  }
}
