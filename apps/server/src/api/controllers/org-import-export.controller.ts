import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, StreamableFile, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { planImport, runImport } from '../../../../../libs/application/src/import';
import type { Ledger } from '../../../../../libs/application/src/ledger';
import { parseAsOf } from '../../../../../libs/application/src/queries/as-of';
import { Clock, CLOCK, LEDGER } from '../../../../../libs/application/src/tokens';
import { chinaDateOf } from '../../../../../libs/domain/src';
import { CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import { checkImportUpload, IMPORT_UPLOAD_LIMITS, readImportRequest, type UploadedImport } from '../../ledger-io/import-upload';
import { importOutcomeJson, type ImportOutcomeJson } from '../../../../../libs/application/src/import/import-outcome-json';
import { attachmentDisposition, ledgerDownload } from '../../ledger-io/ledger-download';
import { ImportTooLargeFilter } from '../../ledger-io/upload-too-large.filter';
import { IMPORT_UPLOAD_BODY } from '../api-docs-schemas';
import { ApiScope } from '../api-scope';
import { QueryFields } from '../input/query-fields';

/**
 * `taizhang import` and `taizhang export` over HTTP. Importing appends activities (write scope);
 * exporting reads (read scope). The import answers with the JSON of `taizhang import --json`.
 */
@ApiTags('导入导出 import/export')
@Controller('api/orgs/:id')
export class OrgImportExportController {
  constructor(
    @Inject(LEDGER) private readonly ledger: Ledger,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scope: ApiScope,
  ) {}

  @Post('import')
  @HttpCode(200)
  @UseFilters(ImportTooLargeFilter)
  @UseInterceptors(FileInterceptor('file', IMPORT_UPLOAD_LIMITS as Parameters<typeof FileInterceptor>[1]))
  @ApiOperation({
    summary: '导入台账',
    description:
      '`taizhang import --json`：上传 .xlsx 或 .csv（multipart 字段 `file`，不超过 20 MB）。逐行校验后分批写入有效行；' +
      '`dryRun=true` 只校验不写入，`strict=true` 任何一行有问题时不写入。返回 `{rows, ready, imported, alreadyImported, problemRows, refused, problems:[{sheet,row,column,columnLetter,field,message}], notices}`。' +
      '同一文件重复导入不会重复登记。文件无法读取、类型不对时 400 `{issues:[{field:"file"}]}`，过大 413。',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: IMPORT_UPLOAD_BODY })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean })
  @ApiQuery({ name: 'strict', required: false, type: Boolean })
  @ApiQuery({ name: 'sheet', required: false, description: '要导入的工作表（也可放在表单字段 sheet 中）' })
  async importFile(
    @CurrentAccount() account: SessionAccount,
    @Param('id') orgId: string,
    @Query() query: Record<string, unknown>,
    @Body() body: Record<string, unknown>,
    @UploadedFile() file: UploadedImport | undefined,
  ): Promise<ImportOutcomeJson> {
    await this.scope.writeOrg(account, orgId);
    await this.scope.readOrg(account, orgId);
    const q = new QueryFields(query);
    const input = { dryRun: q.flag('dryRun', '试运行'), strict: q.flag('strict', '严格模式'), sheet: q.text('sheet', '工作表') };
    q.text('_csrf', 'CSRF');
    q.done();
    const sheet = input.sheet ?? (typeof body?.sheet === 'string' && body.sheet.trim() !== '' ? body.sheet.trim() : undefined);
    const fileName = file?.originalname ?? '';
    checkImportUpload(file, fileName);
    const parsed = await readImportRequest({ bytes: (file as UploadedImport).buffer, fileName, sheet });
    const plan = await planImport(this.ledger, parsed, { orgId, today: chinaDateOf(this.clock.now()) });
    const options = { orgId, dryRun: input.dryRun, strict: input.strict };
    if (input.dryRun) return importOutcomeJson(plan, options, { imported: 0, alreadyImported: plan.already.length, refused: false });
    const outcome = await runImport(this.ledger, plan, { actor: account.username, strict: input.strict });
    return importOutcomeJson(outcome.plan, options, outcome);
  }

  @Get('export')
  @ApiOperation({
    summary: '导出台账',
    description:
      '`taizhang export`：xlsx 为完整工作簿（活动台账、已作废、三会一课分表、月度汇总、党员参加情况、执行情况），csv 为活动台账一表。' +
      '以附件返回，文件名如 台账-第一党支部-2021.xlsx（UTF-8 文件名见 filename*）。',
  })
  @ApiQuery({ name: 'year', required: true })
  @ApiQuery({ name: 'format', required: false, description: 'xlsx（默认）或 csv' })
  @ApiQuery({ name: 'encoding', required: false, description: 'CSV 编码：utf8（默认，带 BOM）或 gb18030' })
  @ApiQuery({ name: 'rollup', required: false, type: Boolean, description: '包含所有下级组织' })
  @ApiQuery({ name: 'asOf', required: false, description: '按某一时刻的台账导出（审计回放）' })
  async exportFile(@CurrentAccount() account: SessionAccount, @Param('id') orgId: string, @Query() query: Record<string, unknown>): Promise<StreamableFile> {
    await this.scope.readOrg(account, orgId);
    const q = new QueryFields(query);
    const input = {
      year: q.year() as string,
      format: q.text('format', '格式'),
      encoding: q.text('encoding', '编码'),
      rollup: q.flag('rollup', '包含下级组织'),
      asOf: q.text('asOf', '时间点'),
    };
    q.done();
    const asOf = parseAsOf(input.asOf);
    const file = await ledgerDownload(this.ledger, {
      orgId,
      year: Number(input.year),
      rollup: input.rollup,
      format: input.format,
      encoding: input.encoding,
      asOf,
      today: chinaDateOf(asOf ? new Date(asOf) : this.clock.now()),
    });
    return new StreamableFile(file.content, { type: file.mimeType, disposition: attachmentDisposition(file.fileName) });
  }
}
