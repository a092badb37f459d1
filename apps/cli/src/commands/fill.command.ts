import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { Command } from 'commander';
import { FillDraftQuery } from '../../../../libs/application/src/reports';
import { ValidationError } from '../../../../libs/domain/src';
import { draftFormatOf, type FillBlank, type FilledDraft } from '../../../../libs/report/src';
import { verb } from '../cli-action';
import { printJson } from '../printers/output';

interface FillOpts {
  org: string;
  year: string;
  rollup?: boolean;
  out?: string;
  asOf?: string;
}

export function registerFill(program: Command): void {
  program
    .command('fill <draft>')
    .description('按台账填写自己的报告草稿（.txt、.md、.docx）中的数字空（XX次、*名…），名称占位不动')
    .requiredOption('--org <id>', '组织 id')
    .requiredOption('--year <year>', '年度')
    .option('--rollup', '汇总所有下级组织')
    .option('--out <file>', '输出文件（默认：文本草稿输出到屏幕，Word 草稿写入 <草稿名>-已填.docx）')
    .option('--as-of <instant>', '按某一时刻的台账填写（审计回放）')
    .action(
      verb<FillOpts>(async ({ app, globals, opts, args }) => {
        const draft = args[0];
        const format = draftFormatOf(draft);
        if (!existsSync(draft)) throw ValidationError.of('draft', `草稿文件不存在：${draft}`, `draft file not found: ${draft}`);
        const result = await app.queries.execute(
          new FillDraftQuery({ orgId: opts.org, year: opts.year, rollup: opts.rollup, asOf: opts.asOf, format, content: readFileSync(draft) }),
        );
        const out = opts.out ?? (format === 'docx' ? `${basename(draft, extname(draft))}-已填.docx` : undefined);
        if (out) writeFileSync(out, result.content);
        else if (!globals.json) process.stdout.write(result.content);
        if (globals.json) printJson({ blanks: result.blanks, out: out ?? null });
        process.stderr.write(summaryText(result, out));
      }),
    );
}

const STATUS_LABELS: Record<FillBlank['status'], string> = {
  filled: '已填',
  'no-data': '台账无记录',
  unmapped: '无对应指标',
  ambiguous: '指代不明',
  'not-quantitative': '名称占位（未改动）',
};

/** What a secretary needs to finish the draft: how many were filled and which are left, and why. */
function summaryText(result: FilledDraft, out: string | undefined): string {
  const counts = new Map<string, number>();
  for (const b of result.blanks) counts.set(b.status, (counts.get(b.status) ?? 0) + 1);
  const parts = (Object.keys(STATUS_LABELS) as FillBlank['status'][]).filter((s) => counts.has(s)).map((s) => `${STATUS_LABELS[s]} ${counts.get(s)}`);
  const lines = [`共 ${result.blanks.length} 处占位符：${parts.join('，') || '无'}${out ? `；已写入 ${out}` : ''}`];
  if (result.convertedFromGb18030) lines.push('草稿为 GB18030 编码，输出已转为 UTF-8。');
  const left = result.blanks.filter((b) => b.quantitative && b.status !== 'filled');
  if (left.length > 0) {
    lines.push('以下数字空仍需手工填写：');
    for (const b of left) lines.push(`  #${b.index} “${b.context}”：${b.reason ?? STATUS_LABELS[b.status]}`);
  }
  return `${lines.join('\n')}\n`;
}
