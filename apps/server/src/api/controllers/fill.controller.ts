import { basename, extname } from 'node:path';
import { Controller, HttpCode, Param, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { FillDraftQuery } from '../../../../../libs/application/src/reports';
import { ValidationError } from '../../../../../libs/domain/src';
import { draftFormatOf, type FillBlank } from '../../../../../libs/report/src';
import { CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import { DRAFT_UPLOAD_BODY } from '../api-docs-schemas';
import { ApiScope } from '../api-scope';
import { QueryFields } from '../input/query-fields';
import { downloadOf } from '../report-download';

/** Largest draft accepted: real 述职 drafts are a few hundred KB even with a letterhead image. */
export const DRAFT_MAX_BYTES = 5 * 1024 * 1024;

/** The upload as multer hands it over (memory storage). */
interface UploadedDraft {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export interface FillResponse {
  /** Every placeholder of the draft, with what was done about it (as `taizhang fill --json`). */
  blanks: FillBlank[];
  /** The name the filled draft downloads under (`?download=true`). */
  filename: string;
  convertedFromGb18030: boolean;
  /** The filled text, for .txt and .md drafts; null for Word drafts (download those). */
  text: string | null;
}

/**
 * Fills a secretary's own draft (.docx/.txt/.md) from the ledger. A query: nothing is recorded, so
 * read scope suffices (an auditor may fill a draft to check it).
 */
@ApiTags('述职报告 reports')
@Controller('api/orgs/:id/fill')
export class FillController {
  constructor(
    private readonly queries: QueryBus,
    private readonly scope: ApiScope,
  ) {}

  @Post()
  @HttpCode(200)
  @UseInterceptors(
    FileInterceptor('draft', {
      limits: { fileSize: DRAFT_MAX_BYTES, files: 1, fields: 10, fieldSize: 1024 },
      // Browsers send the file name as raw UTF-8; multer would read it as Latin-1 and garble 述职报告.docx.
      defParamCharset: 'utf8',
    } as Parameters<typeof FileInterceptor>[1]),
  )
  @ApiOperation({
    summary: '填写自己的报告草稿',
    description:
      '`taizhang fill --json`：上传草稿（multipart 字段 `draft`，.docx/.txt/.md，不超过 5 MB），按台账填写其中的数字空（XX次、*名…）。' +
      '默认返回 JSON `{blanks, filename, convertedFromGb18030, text}`；`download=true` 时以附件返回填好的文件。',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: DRAFT_UPLOAD_BODY })
  @ApiQuery({ name: 'year', required: true })
  @ApiQuery({ name: 'rollup', required: false, type: Boolean })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiQuery({ name: 'download', required: false, type: Boolean })
  async fill(
    @CurrentAccount() account: SessionAccount,
    @Param('id') orgId: string,
    @Query() query: Record<string, unknown>,
    @UploadedFile() draft: UploadedDraft | undefined,
  ): Promise<FillResponse | StreamableFile> {
    await this.scope.readOrg(account, orgId);
    const q = new QueryFields(query);
    const input = { year: q.year() as string, rollup: q.flag('rollup', '汇总下级组织'), asOf: q.text('asOf', '时间点'), download: q.flag('download', '下载') };
    // Pages send the CSRF token of an upload in the query string (the body is parsed after the guard).
    q.text('_csrf', 'CSRF');
    q.done();
    if (!draft) throw ValidationError.of('draft', '请上传报告草稿（.docx、.txt 或 .md）', 'upload the draft as the multipart field "draft"');
    const format = draftFormatOf(draft.originalname);
    const result = await this.queries.execute(
      new FillDraftQuery({ orgId, year: input.year, rollup: input.rollup, asOf: input.asOf, format, content: draft.buffer }),
    );
    const ext = extname(draft.originalname);
    const filename = `${basename(draft.originalname, ext)}-已填${ext}`;
    if (input.download) return downloadOf(result.content, filename, format);
    return {
      blanks: result.blanks,
      filename,
      convertedFromGb18030: result.convertedFromGb18030,
      text: format === 'docx' ? null : result.content.toString('utf8').replace(/^\uFEFF/, ''),
    };
  }
}
