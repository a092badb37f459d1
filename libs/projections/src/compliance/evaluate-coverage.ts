import type { ActivityDoc, CivilDate, ComplianceRule, MemberDoc, OrgDoc } from '../../../domain/src';
import { existedDuring } from '../org-tree';
import { presentMemberIds } from '../tally/activity-figures';
import type { CoverageRow } from './compliance-result';
import { isPending, matchesRule } from './rule-match';

/**
 * A coverage rule (谈心谈话) over one year: the roster is everyone with a stint in the org or
 * its 党小组 at some time in the year; a member is covered when marked present at `min` or more
 * matching activities of those orgs. Records with only a headcount cannot show who took part,
 * so they cover nobody. Undefined when the org did not exist that year.
 */
export function evaluateCoverage(
  rule: ComplianceRule,
  org: OrgDoc,
  groups: readonly OrgDoc[],
  activities: readonly ActivityDoc[],
  members: readonly MemberDoc[],
  year: number,
  today: CivilDate,
): CoverageRow | undefined {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  if (!existedDuring(org, from, to)) return undefined;
  const scope = new Set([org.id, ...groups.map((g) => g.id)]);

  const roster = members
    .filter((m) => m.periods.some((p) => scope.has(p.orgId) && p.from <= to && (p.to === null || p.to > from)))
    .map((m) => m.id)
    .sort();

  const times = new Map<string, number>();
  const activityIds: string[] = [];
  for (const a of activities) {
    if (!scope.has(a.orgId) || a.details.date < from || a.details.date > to || !matchesRule(a, rule)) continue;
    activityIds.push(a.id);
    for (const id of presentMemberIds(a.details)) times.set(id, (times.get(id) ?? 0) + 1);
  }

  const uncovered = roster.filter((id) => (times.get(id) ?? 0) < rule.min);
  const did = roster.length - uncovered.length;
  return {
    rule: rule.id,
    kind: rule.kind,
    qualifier: rule.qualifier ?? null,
    org: org.id,
    period: `${year}`,
    min: rule.min,
    should: roster.length,
    did,
    ok: did >= roster.length,
    pending: isPending({ id: `${year}`, from, to }, today),
    uncovered,
    activityIds,
  };
}
