import { extname, resolve } from 'node:path';
import { Command } from 'commander';
import { chinaDateOf, ValidationError } from '../../../../libs/domain/src';
import { parseAsOf } from '../../../../libs/application/src/queries/as-of';
import { requireYear } from '../../../../libs/application/src/queries/query-inputs';
import { viewAt } from '../../../../libs/application/src/queries/view-at';
import { checkEncoding, checkFormat, exportLedger, type ExportFormat, type LedgerExport } from '../../../../libs/ledger-io/src/export';
import { verb } from '../cli-action';
import { requireWritableOut, writeFileAtomically } from '../output-file';
import { printJson, printText } from '../printers/output';

interface ExportOpts {
  org: string;
  year: string;
  rollup?: boolean;
  format?: string;
  out?: string;
  encoding?: string;
  asOf?: string;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('导出台账：Excel 工作簿（活动台账、已作废、三会一课分表、月度汇总、党员参加情况、执行情况）或 CSV（活动台账）')
    .requiredOption('--org <id>', '组织 id')
    .requiredOption('--year <year>', '年份')
    .option('--rollup', '包含所有下级组织')
    .option('--format <format>', '格式：xlsx 或 csv（默认按 --out 的扩展名，否则 xlsx）')
    .option('--out <file>', '输出文件（默认当前目录下的 台账-<组织>-<年份>.<格式>）')
    .option('--encoding <encoding>', 'CSV 编码：utf8（默认，带 BOM，Excel 可直接打开）或 gb18030')
    .option('--as-of <instant>', '按某一时刻的台账导出（审计回放）')
    .action(
      verb<ExportOpts>(async ({ app, globals, opts }) => {
        // Every input is checked before anything is read, so a refusal never leaves a file behind.
        const year = requireYear(opts.year);
        const format = checkFormat(opts.format ?? formatOfPath(opts.out));
        requireMatchingExtension(format, opts.out);
        const encoding = checkEncoding(format, opts.encoding);
        if (opts.out !== undefined) requireWritableOut(opts.out);
        const asOf = parseAsOf(opts.asOf);
        const view = await viewAt(app.ledger, asOf, opts.org);
        const result = await exportLedger(view, {
          orgId: opts.org,
          year,
          rollup: Boolean(opts.rollup),
          format,
          encoding: format === 'csv' ? encoding : undefined,
          today: chinaDateOf(asOf ?? new Date()),
        });
        const file = resolve(opts.out ?? result.fileName);
        writeFileAtomically(file, result.content);
        if (globals.json) return printJson(summaryOf(result, file, opts, year, format === 'csv' ? encoding : null));
        printText(summaryText(result, file, format === 'csv' ? encoding : null));
      }),
    );
}

/** `--out x.csv` alone means CSV; anything else leaves the default to `checkFormat`. */
function formatOfPath(out: string | undefined): string | undefined {
  const ext = out ? extname(out).slice(1).toLowerCase() : '';
  return ext === 'csv' || ext === 'xlsx' ? ext : undefined;
}

/** `--format csv --out x.xlsx` is a slip that would leave a file Excel refuses to open. */
function requireMatchingExtension(format: ExportFormat, out: string | undefined): void {
  const implied = formatOfPath(out);
  if (implied !== undefined && implied !== format) {
    throw ValidationError.of('out', `输出文件“${out}”的扩展名与格式 ${format} 不符`, `--out ${out} does not match --format ${format}`);
  }
}

function summaryOf(result: LedgerExport, file: string, opts: ExportOpts, year: number, encoding: string | null) {
  return {
    ok: true,
    file,
    format: result.format as ExportFormat,
    encoding,
    org: opts.org,
    year,
    rollup: Boolean(opts.rollup),
    asOf: opts.asOf ?? null,
    activities: result.activities,
    voided: result.voided,
    sheets: result.sheets,
    bytes: result.content.length,
  };
}

function summaryText(result: LedgerExport, file: string, encoding: string | null): string {
  const what = result.format === 'csv' ? `CSV（${encoding === 'gb18030' ? 'GB18030' : 'UTF-8 带 BOM'}，仅活动台账）` : `Excel 工作簿（${result.sheets.join('、')}）`;
  const voided = result.format === 'xlsx' ? `，已作废 ${result.voided} 条` : '';
  return `已导出 ${result.activities} 条活动记录${voided}：${file}\n格式：${what}`;
}
