import { Command } from 'commander';
import { activityKindById } from '../../../../libs/domain/src';
import { ComplianceQuery } from '../../../../libs/application/src/queries/compliance.query';
import { verb } from '../cli-action';
import { printJson, printText } from '../printers/output';
import { renderTable } from '../printers/table';

interface ComplianceOpts {
  org: string;
  year: string;
  asOf?: string;
  failing?: boolean;
}

export function registerCompliance(program: Command): void {
  program
    .command('compliance')
    .description('合规检查：按《支部工作条例》逐期列出应开展/已开展次数')
    .requiredOption('--org <id>', '组织 id')
    .requiredOption('--year <year>', '年份')
    .option('--as-of <instant>', '按某一时刻的台账检查')
    .option('--failing', '只显示未达标的期间')
    .action(
      verb<ComplianceOpts>(async ({ app, globals, opts }) => {
        const result = await app.queries.execute(new ComplianceQuery({ orgId: opts.org, year: opts.year, asOf: opts.asOf }));
        if (globals.json) return printJson(result);
        const rows = opts.failing ? result.rules.filter((r) => !r.ok) : result.rules;
        const okCount = result.rules.filter((r) => r.ok).length;
        printText(
          `${result.org} ${result.year} 年合规情况：${okCount}/${result.rules.length} 项达标\n${renderTable(
            [
              { header: '活动类型', value: (r) => (activityKindById(r.kind)?.name ?? r.kind) + (r.qualifier === 'secretary' ? '（书记讲）' : '') },
              { header: '组织', value: (r) => r.org },
              { header: '期间', value: (r) => r.period },
              { header: '应', value: (r) => r.should, align: 'right' },
              { header: '实', value: (r) => r.did, align: 'right' },
              { header: '结果', value: (r) => (r.ok ? '达标' : r.pending ? '进行中' : '未达标') },
            ],
            rows,
          )}`,
        );
      }),
    );
}
