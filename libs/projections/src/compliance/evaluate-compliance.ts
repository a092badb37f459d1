import {
  periodsOfYear,
  type ActivityDoc,
  type CivilDate,
  type ComplianceRule,
  type MemberDoc,
  type OrgDoc,
  type PeriodRange,
} from '../../../domain/src';
import { existedDuring, groupsOf, type ChildrenIndex } from '../org-tree';
import { countWeight } from '../tally/activity-figures';
import type { ComplianceResult, ComplianceRow, CoverageRow } from './compliance-result';
import { evaluateCoverage } from './evaluate-coverage';
import { isPending, matchesRule } from './rule-match';

/** Everything one org's check needs, already read: the evaluation itself is pure. */
export interface ComplianceInput {
  org: OrgDoc;
  index: ChildrenIndex;
  /** Activities of the org and its 党小组 in the year (others are ignored). */
  activities: readonly ActivityDoc[];
  /** Members with a stint in the org or its 党小组 (others are ignored). */
  members: readonly MemberDoc[];
  year: number;
  today: CivilDate;
  rules: readonly ComplianceRule[];
  ruleVersion: string;
}

export function evaluateCompliance(input: ComplianceInput): ComplianceResult {
  const { org, year, rules } = input;
  const groups = groupsOf(input.index, org.id);
  const rows: ComplianceRow[] = [];
  const coverage: CoverageRow[] = [];
  for (const rule of rules) {
    if (!rule.orgKinds.includes(org.kind)) continue;
    if (rule.coverage) {
      const row = evaluateCoverage(rule, org, groups, input.activities, input.members, year, input.today);
      if (row) coverage.push(row);
    } else if (rule.perGroup) {
      for (const group of groups) rows.push(...perGroupRows(rule, org, group, groups, input.activities, year, input.today));
    } else {
      const counted = input.activities.filter((a) => a.orgId === org.id);
      rows.push(...periodRows(rule, org.id, [org], counted, year, input.today, (a) => countWeight(a.details, rule.kind)));
    }
  }
  return { org: org.id, year, ruleVersion: input.ruleVersion, rules: rows, coverage };
}

/**
 * A 党小组's rows: meetings logged on the group itself, plus joint meetings logged on the branch
 * (or a sibling group) that list the group in `groups`. Each meeting counts once per group.
 */
function perGroupRows(
  rule: ComplianceRule,
  branch: OrgDoc,
  group: OrgDoc,
  siblings: readonly OrgDoc[],
  activities: readonly ActivityDoc[],
  year: number,
  today: CivilDate,
): ComplianceRow[] {
  const within = new Set([branch.id, ...siblings.map((g) => g.id)]);
  const counted = activities.filter((a) => a.orgId === group.id || (within.has(a.orgId) && a.details.groups.includes(group.id)));
  return periodRows(rule, group.id, [branch, group], counted, year, today, () => 1);
}

/**
 * One row per period of the rule's frequency, skipping periods in which any of `lifetimeOf`
 * did not exist. `weight` says how much one matching activity counts.
 */
function periodRows(
  rule: ComplianceRule,
  orgId: string,
  lifetimeOf: readonly OrgDoc[],
  activities: readonly ActivityDoc[],
  year: number,
  today: CivilDate,
  weight: (a: ActivityDoc) => number,
): ComplianceRow[] {
  const periods = periodsOfYear(year, rule.every);
  const did = periods.map(() => 0);
  const ids: string[][] = periods.map(() => []);
  for (const a of activities) {
    if (!matchesRule(a, rule)) continue;
    const i = periodIndex(periods, a.details.date);
    if (i < 0) continue;
    did[i] += weight(a);
    ids[i].push(a.id);
  }
  const rows: ComplianceRow[] = [];
  periods.forEach((p, i) => {
    if (!lifetimeOf.every((o) => existedDuring(o, p.from, p.to))) return;
    rows.push({
      rule: rule.id,
      kind: rule.kind,
      qualifier: rule.qualifier ?? null,
      org: orgId,
      period: p.id,
      should: rule.min,
      did: did[i],
      ok: did[i] >= rule.min,
      pending: isPending(p, today),
      activityIds: ids[i],
    });
  });
  return rows;
}

function periodIndex(periods: readonly PeriodRange[], date: CivilDate): number {
  for (let i = 0; i < periods.length; i++) if (date >= periods[i].from && date <= periods[i].to) return i;
  return -1;
}
