import type { ComplianceResult, ComplianceRow } from '../../../../../libs/projections/src/compliance/compliance-result';
import type { LateEntriesResult } from '../../../../../libs/projections/src/late-entries/late-entries';
import { DEFAULT_COMPLIANCE_RULES, type ComplianceRule, type MemberDoc, type OrgDoc } from '../../../../../libs/domain/src';
import { queryString } from '../form-values';
import { chinaDateTime, kindName, kindNames, SOURCE_LABELS } from '../labels';

/** ok: met; short: the period is over and it was not met; pending: not met yet, still time. */
export type CellState = 'ok' | 'short' | 'pending' | 'none';

export interface GridCell {
  span: number;
  state: CellState;
  text: string;
  title: string;
  link: string | null;
}

export interface GridRow {
  label: string;
  source: string;
  cells: GridCell[];
}

const STATE_WORDS: Record<CellState, string> = { ok: '达标', short: '未达标', pending: '进行中', none: '不适用' };
const EVERY_WORDS = { month: '每月', quarter: '每季度', year: '每年' } as const;

export function cellState(row: Pick<ComplianceRow, 'ok' | 'pending'>): CellState {
  return row.ok ? 'ok' : row.pending ? 'pending' : 'short';
}

function ruleLabel(rule: ComplianceRule | undefined, row: ComplianceRow): string {
  const kind = kindName(row.kind) + (row.qualifier === 'secretary' ? '（书记讲）' : '');
  return rule ? `${kind} · ${EVERY_WORDS[rule.every]}≥${rule.min}` : kind;
}

/**
 * The board: one row per rule (per 党小组 for 党小组会), twelve month columns; a quarterly rule's
 * cell spans its three months and a yearly rule's the whole year.
 */
export function complianceGrid(result: ComplianceResult, orgNames: ReadonlyMap<string, string>, ledgerOrg: string): GridRow[] {
  const rules = new Map(DEFAULT_COMPLIANCE_RULES.map((r) => [r.id, r]));
  const byRow = new Map<string, ComplianceRow[]>();
  for (const row of result.rules) {
    const key = `${row.rule}\u0000${row.org}`;
    byRow.set(key, [...(byRow.get(key) ?? []), row]);
  }
  const grid: GridRow[] = [];
  for (const rows of byRow.values()) {
    const first = rows[0];
    const rule = rules.get(first.rule);
    const every = rule?.every ?? periodKind(first.period);
    const group = first.org !== result.org ? ` · ${orgNames.get(first.org) ?? first.org}` : '';
    const slots = every === 'month' ? 12 : every === 'quarter' ? 4 : 1;
    const span = 12 / slots;
    const cells: GridCell[] = [];
    for (let i = 0; i < slots; i++) {
      const period = every === 'month' ? `${result.year}-${String(i + 1).padStart(2, '0')}` : every === 'quarter' ? `${result.year}-Q${i + 1}` : `${result.year}`;
      const row = rows.find((r) => r.period === period);
      if (!row) {
        cells.push({ span, state: 'none', text: '—', title: `${period} 组织未成立或已撤销`, link: null });
        continue;
      }
      const state = cellState(row);
      cells.push({
        span,
        state,
        text: `${row.did}/${row.should}`,
        title: `${period}：应开展 ${row.should} 次，实开展 ${row.did} 次（${STATE_WORDS[state]}）`,
        link:
          every === 'month'
            ? `/ledger${queryString({ org: ledgerOrg, year: result.year, kind: row.kind, month: i + 1 })}`
            : `/ledger${queryString({ org: ledgerOrg, year: result.year, kind: row.kind })}`,
      });
    }
    grid.push({ label: `${ruleLabel(rule, first)}${group}`, source: rule?.source ?? '', cells });
  }
  return grid;
}

function periodKind(period: string): 'month' | 'quarter' | 'year' {
  return /-Q\d$/.test(period) ? 'quarter' : /-\d{2}$/.test(period) ? 'month' : 'year';
}

export function complianceSummary(result: ComplianceResult) {
  const all = [...result.rules, ...result.coverage];
  return {
    ok: all.filter((r) => r.ok).length,
    short: all.filter((r) => !r.ok && !r.pending).length,
    pending: all.filter((r) => !r.ok && r.pending).length,
    total: all.length,
  };
}

export function coverageRows(result: ComplianceResult, members: ReadonlyMap<string, MemberDoc>) {
  return result.coverage.map((c) => {
    const state = cellState(c);
    return {
      label: `${kindName(c.kind)} 覆盖（每名党员每年≥${c.min}次）`,
      state,
      stateWord: STATE_WORDS[state],
      did: c.did,
      should: c.should,
      percent: c.should === 0 ? '—' : `${Math.round((c.did / c.should) * 100)}%`,
      uncovered: c.uncovered.map((id) => members.get(id)?.name ?? id),
    };
  });
}

export function lateRows(late: LateEntriesResult) {
  return late.entries.map((e) => ({
    link: `/activities/${encodeURIComponent(e.activityId)}`,
    activityId: e.activityId,
    date: e.date,
    kinds: kindNames(e.kinds),
    recordedAt: chinaDateTime(e.recordedAt),
    actor: e.actor,
    source: SOURCE_LABELS[e.source] ?? e.source,
    daysLate: e.daysLate,
    voided: e.voided,
    type: e.type === 'logged' ? '补录' : e.type === 'correction' ? '事后更正' : '事后作废',
    reason: e.reason,
  }));
}

/** A committee's board also lists each branch beneath it with its own tally of rules met. */
export function childSummaries(children: readonly { org: OrgDoc; result: ComplianceResult }[], year: number) {
  return children.map(({ org, result }) => ({
    name: org.name,
    link: `/compliance${queryString({ org: org.id, year })}`,
    ...complianceSummary(result),
  }));
}
