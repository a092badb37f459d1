import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { registerCompile } from './commands/compile.command';
import { registerCompliance } from './commands/compliance.command';
import { registerCorrect } from './commands/correct.command';
import { registerFill } from './commands/fill.command';
import { registerDemo } from './commands/demo.command';
import { registerExport } from './commands/export.command';
import { registerHistory } from './commands/history.command';
import { registerImport } from './commands/import.command';
import { registerInit } from './commands/init.command';
import { registerKinds } from './commands/kinds.command';
import { registerLate } from './commands/late.command';
import { registerList } from './commands/list.command';
import { registerLog } from './commands/log.command';
import { registerMember } from './commands/member.command';
import { registerMigrate } from './commands/migrate.command';
import { registerOrg } from './commands/org.command';
import { registerRebuild } from './commands/rebuild.command';
import { registerReport } from './commands/report.command';
import { registerServe } from './commands/serve.command';
import { registerTally } from './commands/tally.command';
import { registerUser } from './commands/user.command';
import { registerVerify } from './commands/verify.command';
import { registerVoid } from './commands/void.command';
import { EXIT } from './exit-codes';
import { reportError, UsageError } from './report-error';
import { usageMessageZh } from './usage-message';

function buildProgram(): Command {
  const program = new Command('taizhang')
    .description('台账：党建活动台账与年度述职报告')
    .option('--store <url>', '存储地址：sqlite:<文件>、postgres://…、esdb://…（默认 $TAIZHANG_STORE 或 sqlite:./data/taizhang.db）')
    .option('--read-store <url>', '读模型存储：postgres://… 或 sqlite:<文件>（EventStoreDB 必填；默认 $TAIZHANG_READ_STORE）')
    .option('--actor <name>', '录入人（默认 $TAIZHANG_ACTOR 或系统用户名）')
    .option('--json', '以 JSON 输出（供程序读取）')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    // Commander's own error line is not printed: reportError prints it (bilingual, or as JSON with --json).
    .configureOutput({ outputError: () => undefined })
    .exitOverride();
  for (const register of [
    registerInit,
    registerOrg,
    registerMember,
    registerLog,
    registerImport,
    registerCorrect,
    registerVoid,
    registerList,
    registerTally,
    registerCompliance,
    registerHistory,
    registerLate,
    registerVerify,
    registerCompile,
    registerFill,
    registerReport,
    registerExport,
    registerRebuild,
    registerMigrate,
    registerUser,
    registerKinds,
    registerDemo,
    registerServe,
  ]) {
    register(program);
  }
  // Subcommands inherit exitOverride so usage errors reach our handler (exit 2, bilingual).
  program.commands.forEach(function override(cmd: Command) {
    cmd.exitOverride().helpOption('-h, --help', '显示帮助');
    cmd.commands.forEach(override);
  });
  return program;
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) {
        process.exitCode = EXIT.ok;
        return;
      }
      const message = err.message.replace(/^error:\s*/, '');
      process.exitCode = reportError(new UsageError(message, usageMessageZh(message)), argv.includes('--json'));
      return;
    }
    process.exitCode = reportError(err, argv.includes('--json'));
  }
}

void main(process.argv);
