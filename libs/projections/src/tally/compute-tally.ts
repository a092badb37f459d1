import { ValidationError, parsePeriod, periodsOfYear, type PeriodId, type PeriodRange } from '../../../domain/src';
import type { LedgerView } from '../ledger-view';
import { listActivityFacts } from '../list-activity-facts';
import { loadScope } from '../org-tree';
import { EMPTY_TALLY, foldTally, tallyMetrics, tallyReducer, type Tally, type TallyContext } from './tally-reducer';
import type { TallyBreakdown, TallyResult } from './tally-result';

export interface TallyQuery {
  orgId: string;
  year: number;
  /** `2021`, `2021-Q1` or `2021-03`; the whole year when omitted. */
  period?: PeriodId;
  /** Include every org beneath (participants are then a union, never a sum). */
  rollup: boolean;
}

/** The metrics of one org (or its subtree) over one period: one read, one fold. */
export async function computeTally(view: LedgerView, query: TallyQuery): Promise<TallyResult> {
  const period = resolvePeriod(query.year, query.period);
  const scope = await loadScope(view, query.orgId, query.rollup);
  const orgIds = scope.orgs.map((o) => o.id);
  const activities = await listActivityFacts(view, orgIds, period.from, period.to);
  const tally = foldTally(activities, { from: period.from, to: period.to, orgIds: new Set(orgIds) });
  return { org: scope.root.id, year: query.year, period: period.id, rollup: query.rollup, metrics: tallyMetrics(tally) };
}

export interface TallyBreakdownQuery {
  orgId: string;
  year: number;
  rollup: boolean;
}

/** The year by quarter and by month, from a single read of the year. */
export async function computeTallyBreakdown(view: LedgerView, query: TallyBreakdownQuery): Promise<TallyBreakdown> {
  const year = resolvePeriod(query.year, undefined);
  const scope = await loadScope(view, query.orgId, query.rollup);
  const orgIds = scope.orgs.map((o) => o.id);
  const orgSet = new Set(orgIds);
  const activities = await listActivityFacts(view, orgIds, year.from, year.to);

  const quarters = periodsOfYear(query.year, 'quarter');
  const months = periodsOfYear(query.year, 'month');
  const contexts = [...quarters, ...months].map((p): TallyContext => ({ from: p.from, to: p.to, orgIds: orgSet }));
  const tallies: Tally[] = contexts.map(() => EMPTY_TALLY);
  for (const activity of activities) {
    const month = Number(activity.details.date.slice(5, 7));
    if (!(month >= 1 && month <= 12)) continue;
    const q = Math.floor((month - 1) / 3);
    tallies[q] = tallyReducer(tallies[q], activity, contexts[q]);
    const m = quarters.length + month - 1;
    tallies[m] = tallyReducer(tallies[m], activity, contexts[m]);
  }
  const periodMetrics = (p: PeriodRange, i: number) => ({ period: p.id, metrics: tallyMetrics(tallies[i]) });
  return {
    org: scope.root.id,
    year: query.year,
    rollup: query.rollup,
    quarters: quarters.map((p, i) => periodMetrics(p, i)),
    months: months.map((p, i) => periodMetrics(p, quarters.length + i)),
  };
}

/** The period asked for, which must lie within the year asked for. */
export function resolvePeriod(year: number, period: PeriodId | undefined): PeriodRange {
  if (!Number.isInteger(year) || year < 1921 || year > 9999) {
    throw ValidationError.of('year', `年份“${year}”无效`, `invalid year ${year}`);
  }
  const range = parsePeriod(period ?? `${year}`);
  if (!range) {
    throw ValidationError.of('period', `期间“${period}”应写作 ${year}、${year}-Q1 或 ${year}-03`, `period must look like ${year}, ${year}-Q1 or ${year}-03`);
  }
  if (Number(range.id.slice(0, 4)) !== year) {
    throw ValidationError.of('period', `期间 ${range.id} 不在 ${year} 年内`, `period ${range.id} is not in ${year}`);
  }
  return range;
}
