import { existsSync, readFileSync } from 'node:fs';
import { Command } from 'commander';
import { VerifyReportQuery, type VerifyReportInput } from '../../../../libs/application/src/reports';
import { ValidationError } from '../../../../libs/domain/src';
import type { FigureCheck, ReportVerification } from '../../../../libs/report/src';
import { verb } from '../cli-action';
import { EXIT } from '../exit-codes';
import { printJson, printText } from '../printers/output';

const EVENT_LABELS: Record<string, string> = {
  ActivityLogged: '补录',
  ActivityCorrected: '更正',
  ActivityVoided: '作废',
};

/** `taizhang report verify FILE.json|REPORT-ID`: exit 0 when the report is what the ledger said, 4 when not. */
export function registerReportVerify(report: Command): void {
  report
    .command('verify <report>')
    .description('复核述职报告：按编制时的台账位置重算每个数字，并列出此后的更正、作废和补录')
    .action(
      verb(async ({ app, globals, args }) => {
        const result = await app.queries.execute(new VerifyReportQuery(inputOf(args[0])));
        if (globals.json) printJson(result);
        else printText(verificationText(result));
        return result.ok ? EXIT.ok : EXIT.integrity;
      }),
    );
}

/** A path to a report JSON file, or else the id of a recorded report. */
function inputOf(arg: string): VerifyReportInput {
  if (!arg.endsWith('.json') && !existsSync(arg)) return { reportId: arg };
  if (!existsSync(arg)) throw ValidationError.of('file', `报告文件不存在：${arg}`, `report file not found: ${arg}`);
  try {
    return { file: JSON.parse(readFileSync(arg, 'utf8')) as unknown };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw ValidationError.of('file', `报告文件不是有效的 JSON：${arg}`, `report file is not valid JSON: ${arg} (${why})`);
  }
}

function verificationText(r: ReportVerification): string {
  const lines = [`报告 ${r.reportId ?? '（未登记）'}（${r.orgId} ${r.year}年度，规则版本 ${r.ruleVersion}）复核结果：`];
  if (r.headsIntact) lines.push(`✓ 哈希链：编制时记录的各事件流头均在且未被改动`);
  else {
    lines.push(`✗ 哈希链：${r.brokenHeads.length} 个事件流与编制时不符`);
    for (const b of r.brokenHeads) lines.push(`    ${b.stream} 第 ${b.recorded.version} 条：${HEAD_REASONS[b.reason]}`);
  }
  if (r.matchesAtRecording) lines.push(`✓ 按编制时的台账（位置 ${r.asOfPosition}）重算：${r.figures} 个数字全部一致`);
  else {
    lines.push(`✗ 按编制时的台账（位置 ${r.asOfPosition}）重算：${r.mismatches.length} 个数字与报告不符`);
    for (const m of r.mismatches) lines.push(`    ${describe(m)}：报告为 ${show(m.recorded)}，台账为 ${show(m.value)}`);
  }
  if (r.unchangedSince) lines.push(`✓ 此后台账（当前位置 ${r.currentPosition}）没有改变报告中的任何数字`);
  else {
    lines.push(`! 此后台账（当前位置 ${r.currentPosition}）有 ${r.changes.length} 个数字发生变化：`);
    for (const c of r.changes) {
      lines.push(`    ${describe(c)}：报告为 ${show(c.recorded)}，现为 ${show(c.value)}`);
      for (const e of c.events) {
        const reason = e.reason ? `，原因：${e.reason}` : '';
        lines.push(`        位置 ${e.position} ${EVENT_LABELS[e.type] ?? e.type} ${e.activityId}（${e.recordedAt}，${e.actor}${reason}）`);
      }
    }
  }
  lines.push(r.ok ? '结论：报告与编制时的台账一致。' : '结论：报告与台账不符，请核查。');
  return lines.join('\n');
}

const HEAD_REASONS: Record<ReportVerification['brokenHeads'][number]['reason'], string> = {
  missing: '事件已不存在（历史被删除）',
  'hash-differs': '事件哈希已变（历史被改动）',
  'chain-broken': '哈希链断裂（历史被改动）',
};

function describe(c: FigureCheck): string {
  return `#${c.index} ${c.label}（${c.org}，${c.period}）`;
}

function show(value: number | null): string {
  return value === null ? '无记录' : String(value);
}
