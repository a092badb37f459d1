import type { PeriodId } from '../../../domain/src';

/** Measures in the order metrics are listed (domain.md: Measures and metrics). */
export const TALLY_MEASURES = ['count', 'attendance', 'participants', 'hours', 'quantity'] as const;
export type TallyMeasure = (typeof TALLY_MEASURES)[number];

/**
 * One figure with its provenance. `qualifier: null` is the kind's total; `unit` is set only for
 * `quantity`. A metric exists only when at least one activity stands behind it: absent ≠ 0.
 */
export interface TallyMetric {
  kind: string;
  qualifier: string | null;
  measure: TallyMeasure;
  unit: string | null;
  value: number;
  /** The activities the value was computed from, in date order. */
  activityIds: string[];
}

/** The JSON contract of `taizhang tally --json`. */
export interface TallyResult {
  org: string;
  year: number;
  period: PeriodId;
  rollup: boolean;
  metrics: TallyMetric[];
}

export interface TallyPeriodMetrics {
  period: PeriodId;
  metrics: TallyMetric[];
}

/** The year split by quarter and by month (every period listed, empty ones with no metrics). */
export interface TallyBreakdown {
  org: string;
  year: number;
  rollup: boolean;
  quarters: TallyPeriodMetrics[];
  months: TallyPeriodMetrics[];
}
