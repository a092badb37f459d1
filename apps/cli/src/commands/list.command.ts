import { Command } from 'commander';
import { activityKindById, findQualifier } from '../../../../libs/domain/src';
import type { ActivityDoc } from '../../../../libs/domain/src';
import { ListActivitiesQuery } from '../../../../libs/application/src/queries/list-activities.query';
import { verb } from '../cli-action';
import { printJson, printText } from '../printers/output';
import { renderTable } from '../printers/table';

interface ListOpts {
  org: string;
  year: string;
  kind?: string;
  month?: string;
  includeVoided?: boolean;
  rollup?: boolean;
  asOf?: string;
}

export function registerList(program: Command): void {
  program
    .command('list')
    .description('台账：列出一年的活动记录（已应用更正）')
    .requiredOption('--org <id>', '组织 id')
    .requiredOption('--year <year>', '年份')
    .option('--kind <kind>', '只列某类活动（id 或中文名）')
    .option('--month <m>', '只列某月')
    .option('--include-voided', '包括已作废的记录')
    .option('--rollup', '包含所有下级组织')
    .option('--as-of <instant>', '按某一时刻的台账列出')
    .action(
      verb<ListOpts>(async ({ app, globals, opts }) => {
        const result = await app.queries.execute(
          new ListActivitiesQuery({
            orgId: opts.org,
            year: opts.year,
            kind: opts.kind,
            month: opts.month,
            includeVoided: opts.includeVoided,
            rollup: opts.rollup,
            asOf: opts.asOf,
          }),
        );
        if (globals.json) return printJson(result);
        if (result.activities.length === 0) return printText(`${result.org} ${result.year} 年暂无活动记录`);
        printText(
          `${result.org} ${result.year} 年活动台账：${result.activities.length} 条\n${renderTable(
            [
              { header: '日期', value: (a: ActivityDoc) => a.details.date },
              { header: '类型', value: (a) => kindsLabel(a) },
              { header: '主题', value: (a) => a.details.title },
              { header: '出席', value: (a) => presentCount(a), align: 'right' },
              { header: '状态', value: (a) => (a.voided ? '已作废' : a.revisions.length > 1 ? `已更正${a.revisions.length - 1}次` : '') },
              { header: '编号', value: (a) => a.id },
            ],
            result.activities,
          )}`,
        );
      }),
    );
}

function kindsLabel(a: ActivityDoc): string {
  return a.details.kinds
    .map((k) => {
      const kind = activityKindById(k);
      const q = kind && a.details.qualifier ? findQualifier(kind, a.details.qualifier) : undefined;
      return `${kind?.name ?? k}${q ? `（${q.name}）` : ''}`;
    })
    .join('、');
}

function presentCount(a: ActivityDoc): number | string {
  const present = a.details.attendees.filter((x) => x.status === 'present').length;
  return present > 0 ? present : (a.details.headcount ?? '');
}
