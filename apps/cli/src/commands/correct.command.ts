import { Command } from 'commander';
import { CorrectActivityCommand } from '../../../../libs/application/src/commands/activity.commands';
import { verb } from '../cli-action';
import { printJson, printText } from '../printers/output';
import { activityFieldsOf, ActivityFlags, withActivityFlags } from './activity-flags';

interface CorrectOpts extends ActivityFlags {
  reason?: string;
}

export function registerCorrect(program: Command): void {
  withActivityFlags(
    program
      .command('correct <activityId>')
      .description('更正活动：以新事件记录更正内容和原因，原记录保留')
      .option('--reason <text>', '更正原因（必填）'),
  ).action(
    verb<CorrectOpts>(async ({ app, globals, opts, args }) => {
      const result = await app.commands.execute(
        new CorrectActivityCommand({ ...activityFieldsOf(opts), activityId: args[0], reason: opts.reason }, { actor: globals.actor, source: 'cli' }),
      );
      if (globals.json) return printJson({ id: result.activityId, ok: true });
      printText(`已更正活动：${result.activityId}`);
    }),
  );
}
