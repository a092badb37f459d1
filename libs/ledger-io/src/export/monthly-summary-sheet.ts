import type { ActivityDoc } from '../../../domain/src';
import { countWeight, distinctKinds } from '../../../projections/src/tally/activity-figures';
import { kindName, summaryKinds } from './kind-labels';
import type { SheetCell, SheetSpec } from './sheet-spec';

export const MONTHLY_SUMMARY_SHEET_NAME = '月度汇总';

/**
 * Months × kinds, counted as the tally counts (套会 once per kind, a joint 党小组会 once per
 * group), then a 合计 row; the last column counts records, each once.
 */
export function monthlySummarySheet(activities: readonly ActivityDoc[]): SheetSpec {
  const kinds = summaryKinds(activities.flatMap((a) => a.details.kinds));
  const counts = Array.from({ length: 12 }, () => new Array<number>(kinds.length + 1).fill(0));
  for (const activity of activities) {
    const month = Number(activity.details.date.slice(5, 7));
    if (!(month >= 1 && month <= 12)) continue;
    const row = counts[month - 1];
    for (const kind of distinctKinds(activity.details)) row[kinds.indexOf(kind)] += countWeight(activity.details, kind);
    row[kinds.length] += 1;
  }
  const total = counts.reduce((sum, row) => sum.map((value, i) => value + row[i]), new Array<number>(kinds.length + 1).fill(0));
  const rows: SheetCell[][] = [...counts.map((row, i): SheetCell[] => [`${i + 1}月`, ...row]), ['合计', ...total]];
  return {
    name: MONTHLY_SUMMARY_SHEET_NAME,
    columns: [{ header: '月份', type: 'text' }, ...kinds.map((k) => ({ header: kindName(k), type: 'number' as const })), { header: '活动记录数', type: 'number' }],
    rows,
  };
}
