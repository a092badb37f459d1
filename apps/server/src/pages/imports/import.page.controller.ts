import { Body, Controller, Get, Inject, Post, Query, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { planImport, runImport } from '../../../../../libs/application/src/import';
import type { Ledger } from '../../../../../libs/application/src/ledger';
import { LEDGER } from '../../../../../libs/application/src/tokens';
import { ValidationError } from '../../../../../libs/domain/src';
import { CsrfToken, CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import { checkImportUpload, IMPORT_MAX_MB, IMPORT_UPLOAD_LIMITS, readImportRequest, type UploadedImport } from '../../ledger-io/import-upload';
import { PendingImports } from '../../ledger-io/import-uploads';
import { ImportTooLargeFilter } from '../../ledger-io/upload-too-large.filter';
import { attemptForm, FieldErrors, NO_ERRORS } from '../field-errors';
import { FormFields, optionalTextOf, queryString, textOf } from '../form-values';
import { PageClock } from '../page-clock';
import { PageOrgs } from '../page-orgs';
import { pageFrame, renderPage } from '../page-render';
import { uploadedFileName } from '../reports/report-files';
import { previewModel, resultModel } from './import.view-model';

const IMPORT_INPUTS = { file: 'file', sheet: 'sheet' };

/** What the upload form shows again after a refusal. */
interface ImportFormValues {
  orgId: string;
  sheet: string;
  strict: boolean;
}

const checked = (fields: FormFields, name: string) => ['1', 'on', 'true'].includes(textOf(fields, name));

/**
 * 导入台账: upload an .xlsx / .csv → preview (every problem with its sheet, row and column) →
 * confirm. The confirm imports the very bytes previewed, kept under a token for 30 minutes, and
 * plans again from the ledger as it then stands. Importing is a write: auditors get 403.
 */
@Controller('imports')
export class ImportPageController {
  constructor(
    @Inject(LEDGER) private readonly ledger: Ledger,
    private readonly orgs: PageOrgs,
    private readonly clock: PageClock,
    private readonly pending: PendingImports,
  ) {}

  @Get('new')
  async form(@CurrentAccount() account: SessionAccount, @CsrfToken() csrfToken: string, @Query() query: FormFields, @Res() res: Response): Promise<void> {
    const values = { orgId: textOf(query, 'org') || account.orgId || '', sheet: textOf(query, 'sheet'), strict: checked(query, 'strict') };
    await this.showForm(res, account, csrfToken, values, NO_ERRORS, 200);
  }

  @Post('preview')
  @UseFilters(ImportTooLargeFilter)
  @UseInterceptors(FileInterceptor('file', IMPORT_UPLOAD_LIMITS as Parameters<typeof FileInterceptor>[1]))
  async preview(
    @CurrentAccount() account: SessionAccount,
    @CsrfToken() csrfToken: string,
    @Body() body: FormFields,
    @UploadedFile() file: UploadedImport | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const values: ImportFormValues = { orgId: textOf(body, 'org'), sheet: textOf(body, 'sheet'), strict: checked(body, 'strict') };
    await this.orgs.assertCanWrite(account, values.orgId);
    // multer has already decoded the name (defParamCharset utf8); old clients send Latin-1-decoded bytes.
    const fileName = file ? uploadedFileName(file.originalname) : '';
    const result = await attemptForm(async () => {
      checkImportUpload(file, fileName);
      const upload = file as UploadedImport;
      const parsed = await readImportRequest({ bytes: upload.buffer, fileName, sheet: values.sheet });
      const plan = await planImport(this.ledger, parsed, { orgId: values.orgId, today: this.clock.today() });
      const kept = this.pending.keep({ username: account.username, orgId: values.orgId, fileName, bytes: upload.buffer, sheet: values.sheet, strict: values.strict });
      return { plan, token: kept.token };
    }, IMPORT_INPUTS);
    if (!result.ok) return this.showForm(res, account, csrfToken, values, result.errors, result.status);
    const { plan, token } = result.value;
    const org = await this.ledger.view.getOrg(values.orgId);
    renderPage(res, 'import-preview', pageFrame(`导入预览 · ${org?.name ?? values.orgId}`, 'ledger', account, csrfToken), {
      org: { id: values.orgId, name: org?.name ?? values.orgId },
      ...previewModel(plan, { token, orgId: values.orgId, strict: values.strict }),
    });
  }

  @Post('confirm')
  async confirm(@CurrentAccount() account: SessionAccount, @CsrfToken() csrfToken: string, @Body() body: FormFields, @Res() res: Response): Promise<void> {
    const kept = this.pending.find(textOf(body, 'token'), account.username);
    if (!kept) {
      const orgId = optionalTextOf(body, 'org') ?? account.orgId ?? '';
      const expired = ValidationError.of('file', '上传的文件已过期（保留 30 分钟）或服务器已重启，请重新上传', 'the upload expired or is unknown: upload it again');
      return this.showForm(res, account, csrfToken, { orgId, sheet: '', strict: false }, { any: true, byField: { file: [expired.issues[0].message] }, general: [] }, 410);
    }
    await this.orgs.assertCanWrite(account, kept.orgId);
    // Read and planned again: the ledger may have moved on since the preview; the result says what happened now.
    const parsed = await readImportRequest({ bytes: kept.bytes, fileName: kept.fileName, sheet: kept.sheet });
    const plan = await planImport(this.ledger, parsed, { orgId: kept.orgId, today: this.clock.today() });
    const outcome = await runImport(this.ledger, plan, { actor: account.username, strict: kept.strict });
    const org = await this.ledger.view.getOrg(kept.orgId);
    renderPage(res, 'import-result', pageFrame(`导入结果 · ${org?.name ?? kept.orgId}`, 'ledger', account, csrfToken), {
      org: { id: kept.orgId, name: org?.name ?? kept.orgId },
      ...resultModel(outcome, { orgId: kept.orgId, strict: kept.strict }),
    });
  }

  private async showForm(res: Response, account: SessionAccount, csrfToken: string, values: ImportFormValues, errors: FieldErrors, status: number): Promise<void> {
    const frame = pageFrame('导入台账', 'ledger', account, csrfToken);
    const choice = await this.orgs.choose(account, values.orgId || undefined);
    if (choice.selected === null) return renderPage(res, 'no-org', frame, {});
    const org = choice.selected;
    await this.orgs.assertCanWrite(account, org.id);
    renderPage(
      res,
      'import-form',
      frame,
      {
        org: { id: org.id, name: org.name },
        orgOptions: choice.options,
        values,
        errors,
        maxMb: IMPORT_MAX_MB,
        // A multipart body is read after the guards run: the token also rides in the URL.
        uploadAction: `/imports/preview${queryString({ _csrf: csrfToken })}`,
        backLink: `/ledger${queryString({ org: org.id })}`,
      },
      status,
    );
  }
}
