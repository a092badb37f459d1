import { Command } from 'commander';
import { VerifyQuery } from '../../../../libs/application/src/queries/verify.query';
import { verb } from '../cli-action';
import { EXIT } from '../exit-codes';
import { printJson, printText } from '../printers/output';

interface VerifyOpts {
  org?: string;
}

const REASONS: Record<string, string> = {
  'hash-mismatch': '内容与哈希不符（记录被改动）',
  'prev-hash-mismatch': '与前一条记录的哈希链接断开',
  'version-gap': '版本号不连续（记录缺失）',
  'missing-events': '末尾的记录缺失（记录被删除）',
};

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('完整性校验：重新计算哈希链，指出第一条被改动的记录')
    .option('--org <id>', '只校验一个组织')
    .action(
      verb<VerifyOpts>(async ({ app, globals, opts }) => {
        const result = await app.queries.execute(new VerifyQuery({ orgId: opts.org }));
        if (globals.json) {
          printJson(result);
        } else if (result.ok) {
          printText(`校验通过：${result.streams} 个事件流，${result.events} 条事件，哈希链完整`);
        } else {
          printText(`校验失败：${result.stream} 第 ${result.version} 条事件（${result.eventId}）${REASONS[result.reason ?? ''] ?? result.reason}`);
        }
        return result.ok ? EXIT.ok : EXIT.integrity;
      }),
    );
}
