import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { chinaDateOf } from '../../../../libs/domain/src';
import { ImportPlan, importOutcomeJson, planImport, runImport } from '../../../../libs/application/src/import';
import {
  describeProblemPlace,
  describeProblemPlaceEn,
  ImportFileError,
  ImportMapping,
  ImportProblem,
  MappingError,
  parseMapping,
  readImportFile,
} from '../../../../libs/ledger-io/src/import';
import { verb } from '../cli-action';
import { EXIT } from '../exit-codes';
import { printJson, printText } from '../printers/output';
import { ProgressBar } from '../printers/progress-bar';
import { UsageError } from '../report-error';

interface ImportOpts {
  org: string;
  sheet?: string;
  map?: string;
  dryRun?: boolean;
  strict?: boolean;
}

/** Beyond this many, the text output points to --json for the rest (a broken file can have thousands). */
const PROBLEMS_SHOWN = 500;

async function readInput(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (error as Error).message;
    throw new UsageError(`cannot read ${what} ${path}: ${(error as Error).message}`, `无法读取${what === 'file' ? '文件' : '映射文件'} ${path}：${reason}`);
  }
}

async function mappingOf(path: string | undefined): Promise<ImportMapping | undefined> {
  if (path === undefined) return undefined;
  const text = (await readInput(path, 'mapping file')).toString('utf8');
  try {
    return parseMapping(text);
  } catch (error) {
    if (error instanceof MappingError) throw new UsageError(error.message, error.messageZh);
    throw error;
  }
}

function problemLines(problems: readonly ImportProblem[]): string[] {
  const lines: string[] = [];
  for (const p of problems.slice(0, PROBLEMS_SHOWN)) {
    lines.push(`  ${describeProblemPlace(p)}：${p.message}`);
    lines.push(`    ${describeProblemPlaceEn(p)}: ${p.messageEn}`);
  }
  if (problems.length > PROBLEMS_SHOWN) lines.push(`  ……另有 ${problems.length - PROBLEMS_SHOWN} 个问题，用 --json 可列出全部`);
  return lines;
}

function summaryText(plan: ImportPlan, opts: ImportOpts, outcome: { imported: number; alreadyImported: number; refused: boolean }): string[] {
  const problems = plan.problems.length;
  const parts: string[] = [];
  if (opts.dryRun) parts.push(`试运行（未写入任何记录）：可导入 ${plan.ready.length} 条活动`);
  else if (outcome.refused) parts.push(`严格模式：发现 ${problems} 个问题，未导入任何记录`);
  else parts.push(`导入完成：新增活动 ${outcome.imported} 条`);
  if (outcome.alreadyImported > 0) parts.push(`已导入过，跳过 ${outcome.alreadyImported} 行`);
  if (problems > 0) parts.push(`有问题 ${plan.problemRows} 行（共 ${problems} 个问题，这些行未导入）`);
  const en = opts.dryRun
    ? `dry run: ${plan.ready.length} activities would be imported`
    : outcome.refused
      ? `strict: ${problems} problems, nothing imported`
      : `imported ${outcome.imported} activities`;
  return [`${parts.join('；')}。`, `${en}; ${outcome.alreadyImported} rows already imported; ${plan.problemRows} rows with problems (${problems} problems)`];
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('从 Excel（.xlsx）或 CSV 导入历年台账：先逐行校验，再分批写入；同一文件重复导入不会重复登记')
    .argument('<file>', '.xlsx 或 .csv 文件（CSV 可为 UTF-8 或 GBK 编码）')
    .requiredOption('--org <id>', '导入到的组织 id（表中“组织”列可指向其下级组织）')
    .option('--sheet <name>', '要导入的工作表（默认：第一个有台账表头的工作表）')
    .option('--map <mapping.json>', '列映射文件：指定表头与字段的对应关系，覆盖自动识别')
    .option('--dry-run', '只校验并列出问题，不写入')
    .option('--strict', '任何一行有问题时整个文件都不导入')
    .action(
      verb<ImportOpts>(async ({ app, globals, opts, args }) => {
        const [path] = args;
        const bytes = await readInput(path, 'file');
        const mapping = await mappingOf(opts.map);
        let parsed;
        try {
          parsed = await readImportFile({ bytes, fileName: path, sheet: opts.sheet, mapping });
        } catch (error) {
          if (error instanceof ImportFileError) throw new UsageError(error.message, error.messageZh);
          throw error;
        }
        const plan = await planImport(app.ledger, parsed, { orgId: opts.org, today: chinaDateOf(new Date()) });
        let outcome = { plan, imported: 0, alreadyImported: plan.already.length, refused: false };
        if (!opts.dryRun) {
          const bar = new ProgressBar('导入');
          outcome = await runImport(app.ledger, plan, { actor: globals.actor, strict: opts.strict, onProgress: (d, t) => bar.update(d, t) });
          bar.finish();
        }
        const final = outcome.plan;
        if (globals.json) printJson(importOutcomeJson(final, { orgId: opts.org, dryRun: Boolean(opts.dryRun), strict: Boolean(opts.strict) }, outcome));
        else {
          const lines: string[] = [];
          if (final.problems.length > 0) lines.push('问题（这些行未导入）：', ...problemLines(final.problems), '');
          for (const n of final.notices) lines.push(`提示：工作表“${n.sheet}”${n.row !== null ? ` 第 ${n.row} 行` : ''}：${n.message}`);
          if (final.notices.length > 0) lines.push('');
          lines.push(...summaryText(final, opts, outcome));
          printText(lines.join('\n'));
        }
        return final.problems.length > 0 ? EXIT.invalidInput : EXIT.ok;
      }),
    );
}
