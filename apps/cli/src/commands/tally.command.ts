import { Command } from 'commander';
import { activityKindById, findQualifier } from '../../../../libs/domain/src';
import { TallyQuery } from '../../../../libs/application/src/queries/tally.query';
import { verb } from '../cli-action';
import { printJson, printText } from '../printers/output';
import { renderTable } from '../printers/table';
import { MEASURE_LABELS } from '../printers/labels';

interface TallyOpts {
  org: string;
  year: string;
  period?: string;
  rollup?: boolean;
  asOf?: string;
}

export function registerTally(program: Command): void {
  program
    .command('tally')
    .description('统计：按活动类型、限定词和度量汇总一年（或季度、月份）的台账')
    .requiredOption('--org <id>', '组织 id')
    .requiredOption('--year <year>', '年份')
    .option('--period <period>', '期间：2021、2021-Q1 或 2021-03（默认整年）')
    .option('--rollup', '包含所有下级组织')
    .option('--as-of <instant>', '按某一时刻的台账统计（审计回放）')
    .action(
      verb<TallyOpts>(async ({ app, globals, opts }) => {
        const result = await app.queries.execute(
          new TallyQuery({ orgId: opts.org, year: opts.year, period: opts.period, rollup: opts.rollup, asOf: opts.asOf }),
        );
        if (globals.json) return printJson(result);
        const title = `${result.org} ${result.period ?? result.year} 年度统计${result.rollup ? '（含下级组织）' : ''}${result.asOf ? `，截至 ${result.asOf}` : ''}`;
        if (result.metrics.length === 0) return printText(`${title}\n（暂无记录）`);
        printText(
          `${title}\n${renderTable(
            [
              { header: '活动类型', value: (m) => activityKindById(m.kind)?.name ?? m.kind },
              { header: '细分', value: (m) => qualifierName(m.kind, m.qualifier) },
              { header: '度量', value: (m) => MEASURE_LABELS[m.measure] ?? m.measure },
              { header: '数值', value: (m) => `${m.value}${m.unit ? ` ${m.unit}` : ''}`, align: 'right' },
            ],
            result.metrics,
          )}`,
        );
      }),
    );
}

function qualifierName(kindId: string, qualifier: string | null): string {
  if (!qualifier) return '合计';
  const kind = activityKindById(kindId);
  return (kind && findQualifier(kind, qualifier)?.name) ?? qualifier;
}
