import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { CompileReportCommand, REPORT_FORMATS, type ReportFormat } from '../../../../libs/application/src/reports';
import { ValidationError } from '../../../../libs/domain/src';
import { renderDocx, renderHtml, renderJson, renderMarkdown, renderPdf, type CompiledReport, type DocxFonts } from '../../../../libs/report/src';
import { verb } from '../cli-action';
import { requireWritableOut } from '../output-file';
import { splitList } from '../global-options';
import { printJson } from '../printers/output';

interface CompileOpts {
  org: string;
  year: string;
  template: string;
  templates?: string;
  rollup?: boolean;
  format: string;
  out?: string;
  asOf?: string;
  zeroOk?: string;
  fonts?: string;
}

export function registerCompile(program: Command): void {
  program
    .command('compile')
    .description('编制年度述职报告：按模板从台账取数，每个数字可追溯到台账记录，并登记本次编制')
    .requiredOption('--org <id>', '组织 id')
    .requiredOption('--year <year>', '年度')
    .requiredOption('--template <name>', '模板名称（branch-secretary、committee-secretary 或自备模板）')
    .option('--templates <dir>', '自备模板所在目录（优先于内置模板）')
    .option('--rollup', '汇总所有下级组织')
    .option('--format <format>', '输出格式：md、html、docx、json、pdf（pdf 需 Debian 的 chromium）', 'md')
    .option('--out <file>', '输出文件（默认：md/html/json 输出到屏幕，docx/pdf 写入 <组织>-<年度>-<模板>.docx/.pdf）')
    .option('--as-of <instant>', '按某一时刻的台账编制（审计回放）')
    .option('--zero-ok <kinds>', '确认本年度确实没有开展的活动类型（逗号分隔）：其空缺填 0')
    .option('--fonts <list>', 'Word 字体，例如 body=仿宋,title=宋体（键：title body heading1 heading2 pageNumber latin）')
    .action(
      verb<CompileOpts>(async ({ app, globals, opts }) => {
        const format = formatOf(opts.format);
        const fonts = fontsOf(opts.fonts);
        if (opts.out !== undefined) requireWritableOut(opts.out);
        const report = await app.commands.execute(
          new CompileReportCommand(
            {
              orgId: opts.org,
              year: opts.year,
              template: opts.template,
              templatesDir: opts.templates,
              rollup: opts.rollup,
              zeroOk: splitList(opts.zeroOk),
              asOf: opts.asOf,
              format,
            },
            { actor: globals.actor, source: 'cli' },
          ),
        );
        const binary = format === 'docx' || format === 'pdf';
        const out = opts.out ?? (binary ? `${report.org.id}-${report.year}-${report.template.name}.${format}` : undefined);
        const document = await render(report, format, fonts);
        if (out) writeFileSync(out, document);
        else process.stdout.write(document);

        const summary = summaryOf(report, format, out ?? null);
        if (globals.json && out) return printJson(summary);
        process.stderr.write(summaryText(summary));
      }),
    );
}

function formatOf(value: string): ReportFormat {
  if ((REPORT_FORMATS as readonly string[]).includes(value)) return value as ReportFormat;
  throw ValidationError.of('format', `输出格式须为 md、html、docx、json 或 pdf，收到“${value}”`, `format must be md, html, docx, json or pdf, got ${value}`);
}

const FONT_KEYS: readonly (keyof DocxFonts)[] = ['title', 'body', 'heading1', 'heading2', 'pageNumber', 'latin'];

function fontsOf(value: string | undefined): Partial<DocxFonts> | undefined {
  if (value === undefined) return undefined;
  const fonts: Partial<DocxFonts> = {};
  for (const pair of splitList(value) ?? []) {
    const [key, name] = pair.split('=').map((s) => s.trim());
    if (!(FONT_KEYS as readonly string[]).includes(key) || !name) {
      throw ValidationError.of('fonts', `字体设置“${pair}”无效，应为 键=字体名，键为 ${FONT_KEYS.join('、')}`, `bad font setting ${pair}`);
    }
    fonts[key as keyof DocxFonts] = name;
  }
  return fonts;
}

async function render(report: CompiledReport, format: ReportFormat, fonts: Partial<DocxFonts> | undefined): Promise<string | Buffer> {
  switch (format) {
    case 'md':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
    case 'json':
      return renderJson(report);
    case 'docx':
      return renderDocx(report, { fonts });
    case 'pdf':
      return renderPdf(report);
  }
}

interface CompileSummary {
  reportId: string | null;
  org: string;
  year: number;
  template: string;
  format: ReportFormat;
  out: string | null;
  asOfPosition: string;
  figures: number;
  missing: { index: number; label: string }[];
}

function summaryOf(report: CompiledReport, format: ReportFormat, out: string | null): CompileSummary {
  return {
    reportId: report.reportId,
    org: report.org.id,
    year: report.year,
    template: report.template.name,
    format,
    out,
    asOfPosition: report.asOf.position,
    figures: report.figures.length,
    missing: report.missing.map((i) => ({ index: i, label: report.figures[i].label })),
  };
}

/** The compile summary a secretary reads: where the report went and which blanks are left. */
function summaryText(s: CompileSummary): string {
  const lines = [`已编制报告 ${s.reportId}（${s.org} ${s.year}年度，模板 ${s.template}，${s.format}）${s.out ? `：${s.out}` : ''}`];
  lines.push(`共 ${s.figures} 个数字，取自台账位置 ${s.asOfPosition}。`);
  const labels = [...new Set(s.missing.map((m) => m.label))];
  if (labels.length === 0) lines.push('没有待补项。');
  else {
    lines.push(`待补 ${labels.length} 项（台账中无记录；确属未开展的，可用 --zero-ok 确认为 0）：`);
    for (const label of labels) lines.push(`  · ${label}`);
  }
  return `${lines.join('\n')}\n`;
}
