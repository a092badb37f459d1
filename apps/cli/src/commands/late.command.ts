import { Command } from 'commander';
import { activityKindById, SOURCE_LABELS } from '../../../../libs/domain/src';
import { LateEntriesQuery } from '../../../../libs/application/src/queries/late-entries.query';
import { verb } from '../cli-action';
import { printJson, printText } from '../printers/output';
import { renderTable } from '../printers/table';

interface LateOpts {
  org: string;
  year: string;
  days?: string;
  rollup?: boolean;
}

export function registerLate(program: Command): void {
  program
    .command('late')
    .description('补录检查：活动发生后超过 N 天才登记的记录')
    .requiredOption('--org <id>', '组织 id')
    .requiredOption('--year <year>', '年份')
    .option('--days <n>', '超过多少天算补录（默认 30）')
    .option('--rollup', '包含所有下级组织')
    .action(
      verb<LateOpts>(async ({ app, globals, opts }) => {
        const result = await app.queries.execute(new LateEntriesQuery({ orgId: opts.org, year: opts.year, days: opts.days, rollup: opts.rollup }));
        if (globals.json) return printJson(result);
        if (result.entries.length === 0) return printText(`${result.org} ${result.year} 年没有超过 ${result.days} 天的补录记录`);
        printText(
          `${result.org} ${result.year} 年补录记录（超过 ${result.days} 天登记）：${result.entries.length} 条\n${renderTable(
            [
              { header: '活动', value: (e) => e.activityId },
              { header: '组织', value: (e) => e.orgId },
              { header: '活动日期', value: (e) => e.date },
              { header: '类型', value: (e) => e.kinds.map((k) => activityKindById(k)?.name ?? k).join('、') },
              { header: '登记时间', value: (e) => e.recordedAt },
              { header: '登记人', value: (e) => e.actor },
              { header: '来源', value: (e) => SOURCE_LABELS[e.source] ?? e.source },
              { header: '迟登天数', value: (e) => e.daysLate, align: 'right' },
            ],
            result.entries,
          )}`,
        );
      }),
    );
}
