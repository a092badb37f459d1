import { Command } from 'commander';
import { MigrationAbortedError, MigrationError } from '../../../../libs/event-store/src/migrate/migration-error';
import { migrateLedger } from '../../../../libs/application/src/migration/migrate-ledger';
import type { MigrationVerification } from '../../../../libs/application/src/migration/verify-migration';
import { EXIT } from '../exit-codes';
import { globalOptions } from '../global-options';
import { printJson, printText } from '../printers/output';
import { ProgressBar } from '../printers/progress-bar';
import { reportError } from '../report-error';

interface MigrateOpts {
  from: string;
  to: string;
  verify?: boolean;
}

/** Where verification failed, in Chinese, naming the stream, event, org or year. */
function verificationFailure(v: MigrationVerification): string {
  const b = v.chains.firstBreak;
  if (b) return `目标存储的事件流 ${b.streamId} 第 ${b.streamVersion} 条事件（${b.eventId}）哈希链校验失败`;
  const h = v.heads.difference;
  if (h) return `事件流 ${h.streamId} 两边不一致：源存储 ${h.source?.version ?? 0} 条事件，目标存储 ${h.target?.version ?? 0} 条`;
  const t = v.tallies.difference;
  if (t?.reason === 'org-missing') return `组织 ${t.orgId} 只在${t.missingIn === 'target' ? '源' : '目标'}存储中存在`;
  if (t) return `组织 ${t.orgId} ${t.year} 年统计${t.rollup ? '（含下级组织）' : ''}两边不同`;
  return '未知原因';
}

/**
 * `taizhang migrate`: opens the two stores directly (not through the Nest app, whose read models
 * exist for SQLite only), copies, and optionally verifies. Ctrl-C stops cleanly after the current
 * append; running the same command again continues.
 */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('迁移：把全部事件复制到另一个存储（事件 id、版本、记录时间和哈希不变；中断后再次运行可继续）')
    .requiredOption('--from <url>', '源存储地址，例如 sqlite:./data/taizhang.db')
    .requiredOption('--to <url>', '目标存储地址')
    .option('--verify', '迁移后校验目标存储的哈希链，并比对两边每个组织每年的统计')
    .action(async (opts: MigrateOpts, cmd: Command) => {
      const { json } = globalOptions(cmd);
      const abort = new AbortController();
      const onInterrupt = () => abort.abort();
      process.once('SIGINT', onInterrupt);
      const bar = new ProgressBar('迁移事件');
      try {
        const { migration, verification } = await migrateLedger({
          fromUrl: opts.from,
          toUrl: opts.to,
          verify: Boolean(opts.verify),
          onProgress: (done, total) => bar.update(done, total),
          signal: abort.signal,
        });
        bar.finish();
        const ok = verification?.ok ?? true;
        if (json) {
          printJson({ ok, ...migration, ...(verification ? { verify: verification } : {}) });
        } else {
          const summary = `已复制 ${migration.copied} 条事件，跳过 ${migration.skipped} 条（已在目标中），${migration.streams} 个事件流`;
          const check = !verification
            ? ''
            : verification.ok
              ? `；校验：哈希链完整，统计一致（${verification.chains.events} 条事件，比对 ${verification.tallies.compared} 项统计）`
              : `；校验失败：${verificationFailure(verification)}`;
          printText(summary + check);
        }
        process.exitCode = ok ? EXIT.ok : EXIT.integrity;
      } catch (err) {
        bar.finish();
        process.exitCode = reportMigrationError(err, json);
      } finally {
        process.removeListener('SIGINT', onInterrupt);
      }
    });
}

function reportMigrationError(err: unknown, json: boolean): number {
  const write = (text: string) => process.stderr.write(`${text}\n`);
  if (err instanceof MigrationError) {
    if (json) {
      write(
        JSON.stringify({
          ok: false,
          error: 'integrity',
          kind: err.kind,
          stream: err.streamId,
          version: err.streamVersion,
          eventId: err.eventId,
          message: err.messageZh,
          messageEn: err.message,
        }),
      );
    } else write(`错误：${err.messageZh}\nerror: ${err.message}`);
    return EXIT.integrity;
  }
  if (err instanceof MigrationAbortedError) {
    const { copied, skipped } = err.progress;
    const zh = `迁移已中断：本次已复制 ${copied} 条事件（跳过 ${skipped} 条），再次运行同一命令即可继续`;
    if (json) write(JSON.stringify({ ok: false, error: 'interrupted', copied, skipped, message: zh, messageEn: err.message }));
    else write(`${zh}\n${err.message}`);
    return EXIT.failure;
  }
  return reportError(err, json);
}
