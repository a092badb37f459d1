import { Command } from 'commander';
import { VoidActivityCommand } from '../../../../libs/application/src/commands/activity.commands';
import { verb } from '../cli-action';
import { printJson, printText } from '../printers/output';

interface VoidOpts {
  reason?: string;
}

export function registerVoid(program: Command): void {
  program
    .command('void <activityId>')
    .description('作废活动：记录作废原因，原记录保留可查')
    .option('--reason <text>', '作废原因（必填）')
    .action(
      verb<VoidOpts>(async ({ app, globals, opts, args }) => {
        const result = await app.commands.execute(new VoidActivityCommand({ activityId: args[0], reason: opts.reason }, { actor: globals.actor, source: 'cli' }));
        if (globals.json) return printJson({ id: result.activityId, ok: true });
        printText(`已作废活动：${result.activityId}`);
      }),
    );
}
