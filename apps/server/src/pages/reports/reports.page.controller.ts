import { Body, Controller, Get, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { GetReportQuery } from '../../../../../libs/application/src/queries/get-report.query';
import { ListReportsQuery } from '../../../../../libs/application/src/queries/list-reports.query';
import { CompileReportCommand, FillDraftQuery, VerifyReportQuery, type ReportFormat } from '../../../../../libs/application/src/reports';
import { ValidationError } from '../../../../../libs/domain/src';
import { draftFormatOf, type CompiledReport } from '../../../../../libs/report/src';
import { CsrfToken, CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import { attemptForm, FieldErrors, NO_ERRORS } from '../field-errors';
import { FormFields, queryString, textOf } from '../form-values';
import { PageClock } from '../page-clock';
import { PageOrgs } from '../page-orgs';
import { pageFrame, renderPage } from '../page-render';
import {
  defaultTemplateFor,
  REPORT_INPUTS,
  ReportFormValues,
  reportFormValuesOf,
  requireKnownTemplate,
  templateOptions,
  TEMPLATE_LABELS,
  zeroOkOptions,
} from './report-form';
import { attachmentHeader, downloadFormatOf, filledDraftLink, previewHtmlOf, reportFile, uploadedFileName } from './report-files';
import { fillRows, fillSummary, previewSummary, reportListRows, verificationModel } from './reports.view-model';

/** An uploaded draft as multer hands it over (only what the page uses). */
interface UploadedDraft {
  originalname: string;
  buffer: Buffer;
  size: number;
}

const MAX_DRAFT_BYTES = 10 * 1024 * 1024;

/**
 * 述职报告: compile (each compilation is recorded, so only writers compile), preview, download,
 * fill one's own draft (a read), and re-verify recorded reports (a read: auditors use it).
 */
@Controller('reports')
export class ReportsPageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly orgs: PageOrgs,
    private readonly clock: PageClock,
  ) {}

  @Get()
  async show(@CurrentAccount() account: SessionAccount, @CsrfToken() csrfToken: string, @Query() query: FormFields, @Res() res: Response): Promise<void> {
    await this.showForm(res, account, csrfToken, reportFormValuesOf(query), NO_ERRORS, 200);
  }

  @Post('preview')
  async preview(@CurrentAccount() account: SessionAccount, @CsrfToken() csrfToken: string, @Body() body: FormFields, @Res() res: Response): Promise<void> {
    const values = reportFormValuesOf(body);
    const compiled = await this.compile(account, values, 'html');
    if (!compiled.ok) return this.showForm(res, account, csrfToken, values, compiled.errors, compiled.status);
    const report = compiled.value;
    renderPage(res, 'report-preview', pageFrame(`述职报告预览 · ${report.org.name}`, 'reports', account, csrfToken), {
      values,
      templateLabel: TEMPLATE_LABELS[report.template.name] ?? report.template.name,
      org: report.org,
      year: report.year,
      summary: previewSummary(report),
      previewHtml: previewHtmlOf(report),
      backLink: `/reports${queryString({ org: report.org.id, year: report.year, template: report.template.name, rollup: values.rollup })}`,
    });
  }

  @Post('download')
  async download(@CurrentAccount() account: SessionAccount, @CsrfToken() csrfToken: string, @Body() body: FormFields, @Res() res: Response): Promise<void> {
    const values = reportFormValuesOf(body);
    const formatText = textOf(body, 'format');
    const compiled = await this.compile(account, values, formatText);
    if (!compiled.ok) return this.showForm(res, account, csrfToken, values, compiled.errors, compiled.status);
    const file = await reportFile(compiled.value, downloadFormatOf(formatText));
    res.status(200);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', attachmentHeader(file.fileName));
    res.setHeader('X-Report-Id', compiled.value.reportId ?? '');
    res.end(file.content);
  }

  @Post('fill')
  @UseInterceptors(FileInterceptor('draft', { limits: { fileSize: MAX_DRAFT_BYTES, files: 1 } }))
  async fill(
    @CurrentAccount() account: SessionAccount,
    @CsrfToken() csrfToken: string,
    @Body() body: FormFields,
    @UploadedFile() draft: UploadedDraft | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const values = reportFormValuesOf(body);
    await this.orgs.assertCanRead(account, values.orgId);
    const draftName = draft ? uploadedFileName(draft.originalname) : '';
    const result = await attemptForm(async () => {
      if (!draft || draft.size === 0) throw ValidationError.of('draft', '请选择要填写的草稿文件（.docx、.txt 或 .md）', 'no draft uploaded');
      const format = draftFormatOf(draftName);
      const filled = await this.queries.execute(
        new FillDraftQuery({ orgId: values.orgId, year: values.year, rollup: values.rollup, format, content: draft.buffer }),
      );
      return { filled, link: filledDraftLink(draftName, format, filled.content) };
    }, REPORT_INPUTS);
    if (!result.ok) return this.showForm(res, account, csrfToken, values, result.errors, result.status);
    const { filled, link } = result.value;
    renderPage(res, 'report-filled', pageFrame('填写草稿', 'reports', account, csrfToken), {
      draftName,
      download: link,
      converted: filled.convertedFromGb18030,
      summary: fillSummary(filled.blanks),
      blanks: fillRows(filled.blanks),
      backLink: `/reports${queryString({ org: values.orgId, year: values.year })}`,
    });
  }

  @Get(':id/verify')
  async verify(@CurrentAccount() account: SessionAccount, @CsrfToken() csrfToken: string, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const record = await this.queries.execute(new GetReportQuery({ reportId: id }));
    await this.orgs.assertCanRead(account, record.orgId);
    const verification = await this.queries.execute(new VerifyReportQuery({ reportId: record.reportId }));
    renderPage(res, 'report-verify', pageFrame('报告复核', 'reports', account, csrfToken), {
      ...verificationModel(verification),
      template: TEMPLATE_LABELS[record.template] ?? record.template,
      backLink: `/reports${queryString({ org: record.orgId, year: record.year })}`,
    });
  }

  /** Compiles and records a report (a write: 403 for auditors and outside the scope). */
  private async compile(account: SessionAccount, values: ReportFormValues, format: string) {
    await this.orgs.assertCanWrite(account, values.orgId);
    return attemptForm(async (): Promise<CompiledReport> => {
      const template = requireKnownTemplate(values.template);
      const reportFormat = format === 'html' ? 'html' : downloadFormatOf(format);
      return this.commands.execute(
        new CompileReportCommand(
          { orgId: values.orgId, year: values.year, template, rollup: values.rollup, zeroOk: values.zeroOk, format: reportFormat as ReportFormat },
          { actor: account.username, source: 'web' },
        ),
      );
    }, REPORT_INPUTS);
  }

  private async showForm(res: Response, account: SessionAccount, csrfToken: string, values: ReportFormValues, errors: FieldErrors, status: number): Promise<void> {
    const frame = pageFrame('述职报告', 'reports', account, csrfToken);
    const choice = await this.orgs.choose(account, values.orgId || undefined);
    if (choice.selected === null) return renderPage(res, 'no-org', frame, {});
    const org = choice.selected;
    const year = /^\d{4}$/.test(values.year) ? Number(values.year) : this.clock.thisYear();
    const { reports } = await this.queries.execute(new ListReportsQuery({ orgId: org.id }));
    renderPage(
      res,
      'reports',
      frame,
      {
        org: { id: org.id, name: org.name },
        orgOptions: choice.options,
        year,
        yearOptions: this.clock.yearOptions(year),
        templates: templateOptions(values.template || defaultTemplateFor(org.kind)),
        zeroOk: zeroOkOptions(org.kind, values.zeroOk),
        rollup: values.rollup,
        reports: reportListRows(reports),
        errors,
        // A multipart body is read after the guards run: the token also rides in the URL.
        fillAction: `/reports/fill${queryString({ _csrf: csrfToken })}`,
      },
      status,
    );
  }
}
