import { Command } from 'commander';
import { HistoryQuery } from '../../../../libs/application/src/queries/history.query';
import { verb } from '../cli-action';
import { EVENT_TYPE_LABELS, SOURCE_LABELS } from '../printers/labels';
import { printJson, printText } from '../printers/output';
import { renderTable } from '../printers/table';

interface HistoryOpts {
  org: string;
  asOf?: string;
}

export function registerHistory(program: Command): void {
  program
    .command('history')
    .description('审计：组织的全部事件记录（谁、何时、从何处录入）')
    .requiredOption('--org <id>', '组织 id')
    .option('--as-of <instant>', '只显示该时刻之前记录的事件')
    .action(
      verb<HistoryOpts>(async ({ app, globals, opts }) => {
        const result = await app.queries.execute(new HistoryQuery({ orgId: opts.org, asOf: opts.asOf }));
        if (globals.json) return printJson(result);
        printText(
          `${result.stream} 事件记录（${result.events.length} 条${result.asOf ? `，截至 ${result.asOf}` : ''}）\n${renderTable(
            [
              { header: '版本', value: (e) => e.streamVersion, align: 'right' },
              { header: '事件', value: (e) => EVENT_TYPE_LABELS[e.type] ?? e.type },
              { header: '记录时间', value: (e) => e.recordedAt },
              { header: '录入人', value: (e) => e.actor },
              { header: '来源', value: (e) => SOURCE_LABELS[e.source] ?? e.source },
              { header: '哈希', value: (e) => e.hash.slice(0, 12) },
            ],
            result.events,
          )}`,
        );
      }),
    );
}
