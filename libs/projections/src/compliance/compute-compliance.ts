import { DEFAULT_COMPLIANCE_RULES, RULE_VERSION, ValidationError, isValidCivilDate, type OrgDoc } from '../../../domain/src';
import type { LedgerView } from '../ledger-view';
import { childrenIndex, descendantsOf, existedDuring, groupsOf, unknownOrg } from '../org-tree';
import { resolvePeriod } from '../tally/compute-tally';
import type { ComplianceQuery, ComplianceResult, ComplianceTree } from './compliance-result';
import { evaluateCompliance } from './evaluate-compliance';

/** Should/did of every rule binding the org's kind, for the org itself (and its 党小组 rows). */
export async function computeCompliance(view: LedgerView, query: ComplianceQuery): Promise<ComplianceResult> {
  const year = resolvePeriod(query.year, undefined);
  const { rules, ruleVersion } = rulesOf(query);
  const orgs = await view.listOrgs();
  const org = orgs.find((o) => o.id === query.orgId);
  if (!org) throw unknownOrg(query.orgId);
  const index = childrenIndex(orgs);
  const scopeIds = [org.id, ...groupsOf(index, org.id).map((g) => g.id)];
  const [activities, members] = await Promise.all([view.listActivities(scopeIds, year.from, year.to), view.listMembers(scopeIds)]);
  return evaluateCompliance({ org, index, activities, members, year: query.year, today: query.today, rules, ruleVersion });
}

/**
 * The committee's per-branch table: the root and every org beneath it that existed in the year
 * (党小组 excepted: they appear as per-group rows of their branch), in tree order. One read of
 * the subtree's activities and members serves them all.
 */
export async function computeComplianceTree(view: LedgerView, query: ComplianceQuery): Promise<ComplianceTree> {
  const year = resolvePeriod(query.year, undefined);
  const { rules, ruleVersion } = rulesOf(query);
  const orgs = await view.listOrgs();
  const index = childrenIndex(orgs);
  const subtree = descendantsOf(orgs, query.orgId, index);
  if (subtree.length === 0) throw unknownOrg(query.orgId);
  const ids = subtree.map((o) => o.id);
  const [activities, members] = await Promise.all([view.listActivities(ids, year.from, year.to), view.listMembers(ids)]);
  // Indexed once, so each of hundreds of branches reads its own rows instead of filtering them all.
  const activitiesByOrg = positionsByOrg(activities, (a) => [a.orgId]);
  const membersByOrg = positionsByOrg(members, (m) => m.periods.map((p) => p.orgId));
  const results = subtree
    .filter((o) => o.kind !== 'group' && existedDuring(o, year.from, year.to))
    .map((org) => {
      const scope: OrgDoc[] = [org, ...groupsOf(index, org.id)];
      const scopeIds = new Set(scope.map((o) => o.id));
      return evaluateCompliance({
        org,
        index,
        activities: pick(activities, activitiesByOrg, scopeIds),
        members: pick(members, membersByOrg, scopeIds),
        year: query.year,
        today: query.today,
        rules,
        ruleVersion,
      });
    });
  return { org: query.orgId, year: query.year, ruleVersion, orgs: results };
}

/** Where each org's rows sit in a list (a row listed under every org it names). */
function positionsByOrg<T>(items: readonly T[], orgsOf: (item: T) => string[]): Map<string, number[]> {
  const byOrg = new Map<string, number[]>();
  items.forEach((item, i) => {
    for (const orgId of new Set(orgsOf(item))) {
      const list = byOrg.get(orgId);
      if (list) list.push(i);
      else byOrg.set(orgId, [i]);
    }
  });
  return byOrg;
}

/** The rows of these orgs, each once, in their original order. */
function pick<T>(items: readonly T[], byOrg: ReadonlyMap<string, number[]>, orgIds: ReadonlySet<string>): T[] {
  const positions = new Set<number>();
  for (const id of orgIds) for (const i of byOrg.get(id) ?? []) positions.add(i);
  return [...positions].sort((a, b) => a - b).map((i) => items[i]);
}

function rulesOf(query: ComplianceQuery) {
  if (!isValidCivilDate(query.today)) {
    throw ValidationError.of('today', `日期“${query.today}”应写作 YYYY-MM-DD`, `today must be a date YYYY-MM-DD`);
  }
  return {
    rules: query.rules ?? DEFAULT_COMPLIANCE_RULES,
    ruleVersion: query.ruleVersion ?? (query.rules ? 'custom' : RULE_VERSION),
  };
}
