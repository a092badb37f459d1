/** Where filled figures come from: a lookup by metric, built from a tally result. */
import type { TallyMetric } from '../../../projections/src/tally/tally-result';
import { metricId, type MetricKey } from '../metrics/metric-key';

export interface MetricSource {
  /** The figure and the activities behind it; undefined when the ledger has no record (not 0). */
  lookup(key: MetricKey): { value: number; activityIds: string[] } | undefined;
}

/** A source over a tally's metrics (one entry per metric id, as the tally yields them). */
export function metricSourceOf(metrics: readonly TallyMetric[]): MetricSource {
  const byId = new Map<string, { value: number; activityIds: string[] }>();
  for (const m of metrics) {
    byId.set(metricId({ kind: m.kind, qualifier: m.qualifier, measure: m.measure, unit: m.unit }), {
      value: m.value,
      activityIds: [...m.activityIds],
    });
  }
  return { lookup: (key) => byId.get(metricId(key)) };
}
