import { Command } from 'commander';
import { LogActivityCommand } from '../../../../libs/application/src/commands/activity.commands';
import { verb } from '../cli-action';
import { printJson, printText } from '../printers/output';
import { activityFieldsOf, ActivityFlags, withActivityFlags } from './activity-flags';

interface LogOpts extends ActivityFlags {
  org: string;
  id?: string;
}

export function registerLog(program: Command): void {
  withActivityFlags(
    program
      .command('log')
      .description('登记活动：打印新活动编号')
      .requiredOption('--org <id>', '组织 id')
      .option('--id <activityId>', '指定活动编号（重复提交同一编号不会重复登记）'),
  ).action(
    verb<LogOpts>(async ({ app, globals, opts }) => {
      const fields = activityFieldsOf(opts);
      const result = await app.commands.execute(
        new LogActivityCommand({ ...fields, activityId: opts.id, orgId: opts.org, date: fields.date, kinds: fields.kinds }, { actor: globals.actor, source: 'cli' }),
      );
      if (globals.json) return printJson({ id: result.activityId, alreadyLogged: result.alreadyLogged });
      printText(result.activityId);
      process.stderr.write(result.alreadyLogged ? `该活动已登记过，未重复登记：${result.activityId}\n` : `已登记活动：${result.activityId}\n`);
    }),
  );
}
