import { Command } from 'commander';
import { RebuildCommand } from '../../../../libs/application/src/commands/rebuild.command';
import { verb } from '../cli-action';
import { printJson, printText } from '../printers/output';
import { ProgressBar } from '../printers/progress-bar';

export function registerRebuild(program: Command): void {
  program
    .command('rebuild')
    .description('从全部事件重建统计读模型')
    .action(
      verb<Record<string, never>>(async ({ app, globals }) => {
        const bar = new ProgressBar('重建读模型');
        const started = Date.now();
        const { events } = await app.commands.execute(new RebuildCommand((done, total) => bar.update(done, total)));
        bar.finish();
        const seconds = (Date.now() - started) / 1000;
        if (globals.json) return printJson({ ok: true, events, seconds });
        printText(`重建完成：${events} 条事件，用时 ${seconds.toFixed(1)} 秒`);
      }),
    );
}
