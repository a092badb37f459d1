import type { ComplianceResult } from '../../../projections/src/queries';
import type { MetricKey } from '../metrics/metric-key';
import type { ReportFacts } from './report-facts';

/** Where a figure is read: one org (with its 党小组) or its whole subtree, over one period. */
export interface FigureTarget {
  org: string;
  rollup: boolean;
  period: string;
}

export interface FigureValue {
  value: number;
  activityIds: string[];
}

/**
 * The tally value of a metric, or undefined when no activity stands behind it. Shared by the
 * template helpers and by re-verification, so a report is always re-checked the way it was made.
 */
export function tallyFigure(facts: ReportFacts, metric: MetricKey, target: FigureTarget): FigureValue | undefined {
  const found = facts
    .tally(target.org, target.rollup, facts.period(target.period))
    .find(
      (m) =>
        m.kind === metric.kind &&
        m.qualifier === metric.qualifier &&
        m.measure === metric.measure &&
        (metric.measure !== 'quantity' || m.unit === metric.unit),
    );
  return found ? { value: found.value, activityIds: found.activityIds } : undefined;
}

export interface ComplianceTotals {
  should: number;
  did: number;
  activityIds: string[];
  rules: string[];
  /** A coverage rule (谈心谈话): should/did count members, not meetings. */
  coverage: boolean;
}

/** Should/did of a kind's rule, summed over its periods (and groups, and orgs when rolled up); null when no rule binds. */
export function complianceTotals(facts: ReportFacts, kind: string, qualifier: string | null, target: Omit<FigureTarget, 'period'>): ComplianceTotals | null {
  let found = false;
  const totals: ComplianceTotals = { should: 0, did: 0, activityIds: [], rules: [], coverage: false };
  const ids = new Set<string>();
  const rules = new Set<string>();
  // A 党小组 has no result of its own: its rows (党小组会 per group) sit in its branch's result.
  const org = facts.org(target.org);
  const group = org.kind === 'group' && !target.rollup && org.parentId !== null ? org : null;
  const results = group ? complianceResults(facts, { org: group.parentId as string, rollup: false }) : complianceResults(facts, target);
  for (const result of results) {
    for (const row of [...result.rules, ...result.coverage]) {
      if (row.kind !== kind || row.qualifier !== qualifier) continue;
      if (group && row.org !== group.id) continue;
      found = true;
      totals.should += row.should;
      totals.did += row.did;
      totals.coverage = 'uncovered' in row;
      rules.add(row.rule);
      for (const id of row.activityIds) ids.add(id);
    }
  }
  if (!found) return null;
  totals.activityIds = [...ids].sort();
  totals.rules = [...rules];
  return totals;
}

/** One side of a compliance figure; `did` with no activity behind it is no data, not zero. */
export function complianceFigure(totals: ComplianceTotals | null, side: 'should' | 'did'): FigureValue | undefined {
  if (totals === null) return undefined;
  if (side === 'should') return { value: totals.should, activityIds: [] };
  return totals.activityIds.length > 0 ? { value: totals.did, activityIds: totals.activityIds } : undefined;
}

export function complianceResults(facts: ReportFacts, target: Omit<FigureTarget, 'period'>): ComplianceResult[] {
  const ids = target.rollup ? facts.scopeOf(target.org, true) : [target.org];
  return ids.map((id) => facts.complianceOf(id)).filter((r): r is ComplianceResult => r !== undefined);
}
