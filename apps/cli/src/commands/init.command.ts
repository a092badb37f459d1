import { Command } from 'commander';
import { redactStoreUrl } from '../../../../libs/event-store/src/open-event-store';
import { verb } from '../cli-action';
import { printJson, printText } from '../printers/output';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('初始化台账存储（创建数据库与读模型）')
    .action(
      verb<Record<string, never>>(async ({ app, globals }) => {
        await app.ledger.catchUp();
        const position = await app.ledger.store.headPosition();
        if (globals.json) return printJson({ ok: true, store: redactStoreUrl(globals.store), events: position.toString() });
        printText(`台账已就绪：${redactStoreUrl(globals.store)}（现有事件 ${position} 条）`);
      }),
    );
}
