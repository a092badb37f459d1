import { ValidationError, parsePeriod, type ComplianceRule, type OrgDoc, type PeriodRange } from '../../../domain/src';
import {
  childrenIndex,
  computeComplianceTree,
  descendantsOf,
  existedDuring,
  foldTally,
  groupsOf,
  tallyMetrics,
  unknownOrg,
  type ChildrenIndex,
  type ComplianceResult,
  type TallyMetric,
} from '../../../projections/src/queries';
import type { ActivityFacts, LedgerView } from '../../../projections/src/ledger-view';
import { listActivityFacts } from '../../../projections/src/list-activity-facts';

export interface ReportFactsQuery {
  orgId: string;
  year: number;
  today: string;
  rules: readonly ComplianceRule[];
  ruleVersion: string;
}

/**
 * Everything a template may ask about one org's year, read from the projections once: the org
 * tree, the subtree's activities of the year, and the compliance of every org beneath. Helpers run
 * synchronously inside Handlebars, so all reads happen here, up front; tallies are then pure folds
 * of the loaded activities, cached per (scope, period).
 */
export class ReportFacts {
  private readonly tallies = new Map<string, TallyMetric[]>();
  private readonly byOrg = new Map<string, OrgDoc>();
  /** Positions in `activities` of each org's activities, ascending: a tally folds only its scope's. */
  private readonly positionsByOrg = new Map<string, number[]>();

  private constructor(
    readonly year: number,
    readonly root: OrgDoc,
    /** The root and every org beneath it, tree order. */
    readonly subtree: readonly OrgDoc[],
    private readonly index: ChildrenIndex,
    private readonly activities: readonly ActivityFacts[],
    private readonly compliance: ReadonlyMap<string, ComplianceResult>,
  ) {
    for (const org of subtree) this.byOrg.set(org.id, org);
    activities.forEach((activity, i) => {
      const positions = this.positionsByOrg.get(activity.orgId);
      if (positions) positions.push(i);
      else this.positionsByOrg.set(activity.orgId, [i]);
    });
  }

  /** `tallyOnly` skips the compliance tree (filling a draft needs tallies alone). */
  static async load(view: LedgerView, query: ReportFactsQuery, options: { tallyOnly?: boolean } = {}): Promise<ReportFacts> {
    const orgs = await view.listOrgs();
    const index = childrenIndex(orgs);
    const subtree = descendantsOf(orgs, query.orgId, index);
    if (subtree.length === 0) throw unknownOrg(query.orgId);
    const from = `${query.year}-01-01`;
    const to = `${query.year}-12-31`;
    const [activities, tree] = await Promise.all([
      listActivityFacts(view, subtree.map((o) => o.id), from, to),
      options.tallyOnly
        ? undefined
        : computeComplianceTree(view, { orgId: query.orgId, year: query.year, today: query.today, rules: query.rules, ruleVersion: query.ruleVersion }),
    ]);
    const compliance = new Map((tree?.orgs ?? []).map((r) => [r.org, r]));
    return new ReportFacts(query.year, subtree[0], subtree, index, activities, compliance);
  }

  org(orgId: string): OrgDoc {
    const org = this.byOrg.get(orgId);
    if (!org) throw ValidationError.of('org', `组织“${orgId}”不在本报告范围内`, `organisation ${orgId} is outside this report`);
    return org;
  }

  /** The 党小组 of an org. */
  groupsOf(orgId: string): OrgDoc[] {
    return groupsOf(this.index, orgId);
  }

  /** Branch-level orgs beneath the root (itself excluded) that existed in the year, tree order. */
  branches(): OrgDoc[] {
    const from = `${this.year}-01-01`;
    const to = `${this.year}-12-31`;
    return this.subtree.filter((o) => o.id !== this.root.id && (o.kind === 'branch' || o.kind === 'general-branch') && existedDuring(o, from, to));
  }

  /**
   * Orgs an org's figures cover: with roll-up its whole subtree; without, itself and its 党小组
   * (a branch's group meetings are the branch's own work).
   */
  scopeOf(orgId: string, rollup: boolean): string[] {
    const org = this.org(orgId);
    if (rollup) return descendantsOf(this.subtree, org.id, this.index).map((o) => o.id);
    return [org.id, ...this.groupsOf(org.id).map((g) => g.id)];
  }

  /** The tally of an org (or its subtree) over a period of the report's year. */
  tally(orgId: string, rollup: boolean, period: PeriodRange): TallyMetric[] {
    const key = `${orgId}|${rollup ? 1 : 0}|${period.id}`;
    let metrics = this.tallies.get(key);
    if (!metrics) {
      const orgIds = new Set(this.scopeOf(orgId, rollup));
      metrics = tallyMetrics(foldTally(this.activitiesOf(orgIds), { from: period.from, to: period.to, orgIds }));
      this.tallies.set(key, metrics);
    }
    return metrics;
  }

  /**
   * The loaded activities of these orgs, in load order. The fold skips every other activity anyway;
   * handing it only these keeps a committee's per-branch figures from each walking the whole subtree.
   */
  private activitiesOf(orgIds: ReadonlySet<string>): readonly ActivityFacts[] {
    if (orgIds.size >= this.subtree.length) return this.activities;
    const positions: number[] = [];
    for (const id of orgIds) for (const i of this.positionsByOrg.get(id) ?? []) positions.push(i);
    positions.sort((a, b) => a - b);
    return positions.map((i) => this.activities[i]);
  }

  complianceOf(orgId: string): ComplianceResult | undefined {
    return this.compliance.get(orgId);
  }

  /** A period of the report's year: `Q1`, `03`, `3`, or a full id (`2025-Q1`, `2025-03`, `2025`). */
  period(text: string | undefined): PeriodRange {
    const id = normalisePeriod(this.year, text);
    const range = id === undefined ? undefined : parsePeriod(id);
    if (!range || !range.id.startsWith(String(this.year))) {
      throw ValidationError.of('period', `期间“${text}”不在${this.year}年内`, `period ${text} is not within ${this.year}`);
    }
    return range;
  }
}

function normalisePeriod(year: number, text: string | undefined): string | undefined {
  if (text === undefined || text === '') return String(year);
  const t = text.trim().toUpperCase();
  if (/^Q[1-4]$/.test(t)) return `${year}-${t}`;
  if (/^\d{1,2}$/.test(t)) return `${year}-${t.padStart(2, '0')}`;
  return t;
}
