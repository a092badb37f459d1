import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, ServiceUnavailableException, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ListReportsQuery, type ListReportsResult } from '../../../../../libs/application/src/queries/list-reports.query';
import { CompileReportCommand, VerifyReportQuery } from '../../../../../libs/application/src/reports';
import {
  chromiumAvailable,
  renderDocx,
  renderHtml,
  renderMarkdown,
  renderPdf,
  reportJson,
  type CompiledReport,
  type ReportJson,
  type ReportVerification,
} from '../../../../../libs/report/src';
import type { ReportRecord } from '../../../../../libs/projections/src/reports/report-record';
import { CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import { webMeta } from '../../auth/web-meta';
import { COMPILE_BODY } from '../api-docs-schemas';
import { ApiScope } from '../api-scope';
import { parseCompile, parseReportFile, type CompileRequest } from '../input/report-body';
import { QueryFields } from '../input/query-fields';
import { downloadOf } from '../report-download';

/**
 * Year-end reports: compile (and record) one, list an org's recorded reports, re-verify a recorded
 * report or a report file against the ledger. Compiling records an event, so it needs write scope.
 */
@ApiTags('述职报告 reports')
@Controller('api')
export class ReportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly scope: ApiScope,
  ) {}

  @Post('orgs/:id/reports')
  @ApiOperation({
    summary: '编制述职报告',
    description:
      '`taizhang compile`：按模板从台账取数并登记本次编制。`format` 为 json（默认）时返回报告 JSON（与 `--format json` 相同）；' +
      'md/html/docx/pdf 时以附件返回文件。报告编号在响应头 `X-Report-Id` 中。',
  })
  @ApiBody({ schema: COMPILE_BODY })
  @ApiProduces('application/json', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/markdown', 'text/html', 'application/pdf')
  async compile(
    @CurrentAccount() account: SessionAccount,
    @Param('id') orgId: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReportJson | StreamableFile> {
    await this.scope.refuseReadOnly(account);
    await this.scope.writeOrg(account, orgId);
    const request = parseCompile(body);
    // Checked before compiling: the compilation is recorded first, and must not be for a file never sent.
    if (request.format === 'pdf' && !chromiumAvailable()) {
      throw new ServiceUnavailableException({ error: 'pdf-unavailable', message: '本服务器未安装 Chromium，无法输出 PDF；请选择 docx 或 html', messageEn: 'PDF output needs Chromium on the server' });
    }
    const report = await this.commands.execute(new CompileReportCommand(compileInput(orgId, request), webMeta(account)));
    if (report.reportId) res.setHeader('X-Report-Id', report.reportId);
    if (request.format === 'json') return reportJson(report);
    const filename = `${report.org.id}-${report.year}-${report.template.name}.${request.format}`;
    return downloadOf(await render(report, request), filename, request.format);
  }

  @Get('orgs/:id/reports')
  @ApiOperation({ summary: '已记录的述职报告', description: '`taizhang report list --json`：最新的在前' })
  @ApiQuery({ name: 'asOf', required: false })
  async list(@CurrentAccount() account: SessionAccount, @Param('id') orgId: string, @Query() query: Record<string, unknown>): Promise<ListReportsResult> {
    await this.scope.readOrg(account, orgId);
    const q = new QueryFields(query);
    const asOf = q.text('asOf', '时间点');
    q.done();
    return this.queries.execute(new ListReportsQuery({ orgId, asOf }));
  }

  @Get('reports/:id')
  @ApiOperation({ summary: '一份已记录的报告（编制时的数字、台账位置、规则版本、哈希链头）' })
  async get(@CurrentAccount() account: SessionAccount, @Param('id') reportId: string): Promise<ReportRecord> {
    return this.scope.report(account, reportId);
  }

  @Get('reports/:id/verification')
  @ApiOperation({
    summary: '复核已记录的报告',
    description: '`taizhang report verify <id> --json`：按编制时的台账位置重算每个数字，并列出此后的更正、作废和补录。不符时仍为 200，`ok: false`。',
  })
  async verifyRecorded(@CurrentAccount() account: SessionAccount, @Param('id') reportId: string): Promise<ReportVerification> {
    const report = await this.scope.report(account, reportId);
    return this.queries.execute(new VerifyReportQuery({ reportId: report.reportId }));
  }

  @Post('reports/verification')
  @HttpCode(200)
  @ApiOperation({
    summary: '复核报告文件',
    description: '`taizhang report verify FILE.json --json`：请求体为编制时输出的报告 JSON。报告及其每个数字所属的组织都须在本账号可见范围内。',
  })
  @ApiBody({ schema: { type: 'object', description: '报告 JSON（format: json 的编制结果）' } })
  async verifyFile(@CurrentAccount() account: SessionAccount, @Body() body: unknown): Promise<ReportVerification> {
    const file = parseReportFile(body);
    for (const orgId of orgsNamedIn(file)) await this.scope.readOrgScope(account, orgId);
    return this.queries.execute(new VerifyReportQuery({ file }));
  }
}

function compileInput(orgId: string, r: CompileRequest) {
  return { orgId, year: r.year, template: r.template, rollup: r.rollup, zeroOk: r.zeroOk, asOf: r.asOf, format: r.format };
}

async function render(report: CompiledReport, request: CompileRequest): Promise<string | Buffer> {
  switch (request.format) {
    case 'md':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
    case 'pdf':
      return renderPdf(report);
    default:
      return renderDocx(report, { fonts: request.fonts });
  }
}

/**
 * Every org a report file would make the ledger recompute figures for: its own and each figure's.
 * A file naming an org outside the scope is refused, or verifying it would read that org's figures.
 */
function orgsNamedIn(file: Record<string, unknown>): string[] {
  const ids = new Set<string>();
  const org = file.org as { id?: unknown } | undefined;
  if (org && typeof org === 'object' && typeof org.id === 'string') ids.add(org.id);
  if (Array.isArray(file.figures)) {
    for (const f of file.figures as unknown[]) {
      if (f && typeof f === 'object' && typeof (f as { org?: unknown }).org === 'string') ids.add((f as { org: string }).org);
    }
  }
  return [...ids].sort();
}
