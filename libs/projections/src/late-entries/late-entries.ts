import { chinaDateOf, daysBetween, ValidationError, type ActivityDoc, type CivilDate } from '../../../domain/src';
import type { LedgerView } from '../ledger-view';
import { loadScope } from '../org-tree';
import { resolvePeriod } from '../tally/compute-tally';

/**
 * 补录: activities first recorded more than `days` days after they occurred. Lateness is
 * measured in China calendar days between the activity date and the day (China time) of the
 * recording, so "exactly `days` days later" is still on time.
 */

/** `logged`: the activity itself was back-filled; `correction` / `void`: a later change was. */
export type LateEntryType = 'logged' | 'correction' | 'void';

export interface LateEntry {
  type: LateEntryType;
  activityId: string;
  orgId: string;
  date: CivilDate;
  kinds: string[];
  /** The instant the entry (or the change) was recorded. */
  recordedAt: string;
  actor: string;
  /**
   * Where the entry came from (`cli`, `web`, `import` …): an imported old ledger is back-filled by
   * nature, and an auditor tells it apart from a record typed in before an inspection.
   */
  source: string;
  daysLate: number;
  /** Voided since: auditors still see that it was back-filled. */
  voided: boolean;
  /** The reason given for a correction or void; null for the first recording. */
  reason: string | null;
}

/** The JSON contract of `taizhang late --json`. */
export interface LateEntriesResult {
  org: string;
  year: number;
  days: number;
  entries: LateEntry[];
}

export interface LateEntriesQuery {
  orgId: string;
  year: number;
  /** Threshold in days (30 by default): later than this is late. */
  days?: number;
  rollup?: boolean;
  /** Also list corrections and voids recorded more than `days` after the activity date. */
  includeCorrections?: boolean;
}

export const DEFAULT_LATE_DAYS = 30;

export async function findLateEntries(view: LedgerView, query: LateEntriesQuery): Promise<LateEntriesResult> {
  const days = query.days ?? DEFAULT_LATE_DAYS;
  if (!Number.isInteger(days) || days < 0) {
    throw ValidationError.of('days', '天数应为非负整数', 'days must be a non-negative integer');
  }
  const year = resolvePeriod(query.year, undefined);
  const scope = await loadScope(view, query.orgId, query.rollup ?? false);
  const activities = await view.listActivities(
    scope.orgs.map((o) => o.id),
    year.from,
    year.to,
    { includeVoided: true },
  );
  return { org: scope.root.id, year: query.year, days, entries: lateEntriesOf(activities, days, query.includeCorrections ?? false) };
}

/**
 * The pure part: late entries among these activities, by activity date, then recording time.
 * The date compared is the activity's current (corrected) date.
 */
export function lateEntriesOf(activities: readonly ActivityDoc[], days: number, includeCorrections: boolean): LateEntry[] {
  const entries: LateEntry[] = [];
  for (const a of activities) {
    const base = { activityId: a.id, orgId: a.orgId, date: a.details.date, kinds: [...a.details.kinds], voided: a.voided };
    const firstLate = daysBetween(a.details.date, chinaDateOf(a.loggedAt));
    if (firstLate > days) {
      entries.push({ type: 'logged', ...base, recordedAt: a.loggedAt, actor: a.loggedBy, source: a.revisions[0]?.source ?? '', daysLate: firstLate, reason: null });
    }
    if (!includeCorrections) continue;
    for (const r of a.revisions) {
      if (r.type === 'ActivityLogged') continue;
      const late = daysBetween(a.details.date, chinaDateOf(r.recordedAt));
      if (late <= days) continue;
      const type: LateEntryType = r.type === 'ActivityVoided' ? 'void' : 'correction';
      entries.push({ type, ...base, recordedAt: r.recordedAt, actor: r.actor, source: r.source, daysLate: late, reason: r.reason });
    }
  }
  return entries.sort(
    (x, y) => cmp(x.date, y.date) || cmp(x.recordedAt, y.recordedAt) || cmp(x.activityId, y.activityId),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
