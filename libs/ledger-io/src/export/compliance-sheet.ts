import { complianceRulesOfVersion, type ComplianceRule } from '../../../domain/src';
import type { ComplianceResult } from '../../../projections/src/compliance/compliance-result';
import type { ExportNames } from './activity-rows';
import { kindName, qualifierName } from './kind-labels';
import type { SheetCell, SheetSpec } from './sheet-spec';

export const COMPLIANCE_SHEET_NAME = '执行情况';

const EVERY_WORDS: Record<string, string> = { month: '每月', quarter: '每季度', year: '每年' };

/** Should N / did M for every rule and period, never a bare pass/fail (domain.md: Rules). */
export function complianceSheet(results: readonly ComplianceResult[], names: ExportNames): SheetSpec {
  const rows: SheetCell[][] = [];
  for (const result of results) {
    const rules = new Map((complianceRulesOfVersion(result.ruleVersion) ?? []).map((r) => [r.id, r]));
    for (const row of result.rules) {
      const rule = rules.get(row.rule);
      rows.push([
        names.org(row.org),
        ruleText(row.kind, row.qualifier, rule),
        periodText(row.period),
        row.should,
        row.did,
        statusText(row.ok, row.pending),
        rule?.source ?? null,
        null,
      ]);
    }
    for (const row of result.coverage) {
      const rule = rules.get(row.rule);
      const uncovered = row.uncovered.map((id) => names.member(id)).join('、');
      rows.push([
        names.org(row.org),
        `${kindName(row.kind)}：每名党员${EVERY_WORDS[rule?.every ?? 'year']}至少${row.min}次（应覆盖人数/已覆盖人数）`,
        periodText(row.period),
        row.should,
        row.did,
        statusText(row.ok, row.pending),
        rule?.source ?? null,
        uncovered === '' ? null : `未覆盖：${uncovered}`,
      ]);
    }
  }
  return {
    name: COMPLIANCE_SHEET_NAME,
    columns: [
      { header: '组织', type: 'text' },
      { header: '制度要求', type: 'text' },
      { header: '期间', type: 'text' },
      { header: '应开展', type: 'number' },
      { header: '已开展', type: 'number' },
      { header: '执行情况', type: 'text' },
      { header: '依据', type: 'text' },
      { header: '说明', type: 'text' },
    ],
    rows,
  };
}

/** `党课（支部书记）：每年至少1次`. */
export function ruleText(kind: string, qualifier: string | null, rule: ComplianceRule | undefined): string {
  const who = qualifierName([kind], qualifier);
  const name = `${kindName(kind)}${who ? `（${who}）` : ''}`;
  if (!rule) return name;
  return `${name}：${EVERY_WORDS[rule.every] ?? ''}至少${rule.min}次${rule.perGroup ? '（每个党小组）' : ''}`;
}

/** `2021-Q1` → `2021年第1季度`, `2021-03` → `2021年3月`, `2021` → `2021年`. */
export function periodText(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}年第${quarter[2]}季度`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${month[1]}年${Number(month[2])}月`;
  return /^\d{4}$/.test(period) ? `${period}年` : period;
}

export function statusText(ok: boolean, pending: boolean): string {
  return ok ? '达标' : pending ? '进行中' : '未达标';
}
