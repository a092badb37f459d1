import { Command } from 'commander';
import { ACTIVITY_KINDS } from '../../../../libs/domain/src';
import { globalOptions } from '../global-options';
import { printJson, printText } from '../printers/output';
import { renderTable } from '../printers/table';

export function registerKinds(program: Command): void {
  program
    .command('kinds')
    .description('活动类型目录（id、中文名、同义词、细分）')
    .action((_opts: unknown, cmd: Command) => {
      if (globalOptions(cmd).json) return printJson({ kinds: ACTIVITY_KINDS });
      printText(
        renderTable(
          [
            { header: 'id', value: (k) => k.id },
            { header: '名称', value: (k) => k.name },
            { header: '同义词', value: (k) => k.synonyms.filter((s) => s !== k.name).join('、') },
            { header: '细分', value: (k) => (k.qualifiers ?? []).map((q) => `${q.id}=${q.name}`).join(' ') },
          ],
          ACTIVITY_KINDS,
        ),
      );
    });
}
