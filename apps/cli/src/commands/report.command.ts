import { Command } from 'commander';
import { ListReportsQuery } from '../../../../libs/application/src/queries/list-reports.query';
import type { ReportRecord } from '../../../../libs/projections/src/reports/report-record';
import { verb } from '../cli-action';
import { registerReportVerify } from './report-verify.command';
import { printJson, printText } from '../printers/output';
import { renderTable } from '../printers/table';

interface ReportListOpts {
  org: string;
  asOf?: string;
}

/**
 * `taizhang report …`: the year-end reports the ledger has recorded. A command group, so each
 * report verb is a subcommand beside the others.
 */
export function registerReport(program: Command): void {
  const report = program.command('report').description('述职报告：列出和复核已编制并记录在台账中的报告');
  registerReportList(report);
  registerReportVerify(report);
}

function registerReportList(report: Command): void {
  report
    .command('list')
    .description('列出组织已记录的述职报告（最新的在前）')
    .requiredOption('--org <id>', '组织 id')
    .option('--as-of <instant>', '按某一时刻的台账列出（审计回放）')
    .action(
      verb<ReportListOpts>(async ({ app, globals, opts }) => {
        const result = await app.queries.execute(new ListReportsQuery({ orgId: opts.org, asOf: opts.asOf }));
        if (globals.json) return printJson(result);
        const asOf = result.asOf ? `，截至 ${result.asOf}` : '';
        if (result.reports.length === 0) return printText(`${result.org} 暂无已记录的述职报告${asOf}`);
        printText(
          `${result.org} 已记录的述职报告：${result.reports.length} 份${asOf}\n${renderTable(
            [
              { header: '报告编号', value: (r: ReportRecord) => r.reportId },
              { header: '模板', value: (r) => r.template },
              { header: '年度', value: (r) => r.year, align: 'right' },
              { header: '汇总/本级', value: (r) => (r.rollup ? '汇总' : '本级') },
              { header: '编制时间', value: (r) => r.recordedAt },
              { header: '数据截至位置', value: (r) => r.asOfPosition, align: 'right' },
              { header: '待补项数', value: (r) => missingCount(r), align: 'right' },
            ],
            result.reports,
          )}`,
        );
      }),
    );
}

/** Figures left as visible blanks: what the secretary still has to fill in by hand. */
function missingCount(report: ReportRecord): number {
  // The same metric may appear twice in a text (a count and a should/did); it is one thing to fill.
  const blanks = report.figures.filter((f) => f.status === 'missing').map((f) => `${f.kind}/${f.qualifier}/${f.measure}/${f.unit}/${f.side === 'should' ? 's' : ''}`);
  return new Set(blanks).size;
}
