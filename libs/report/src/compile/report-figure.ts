import type { MetricKey } from '../metrics/metric-key';

/**
 * How a figure came out: `filled` from the ledger, `missing` (no event behind it: shown as a
 * visible blank, never as 0), `zero-confirmed` (the user said the kind truly did not happen).
 */
export type FigureStatus = 'filled' | 'missing' | 'zero-confirmed';

/** Compliance figures state a rule's should/did for one period. */
export type FigureSource = 'tally' | 'compliance';

/** One number in a compiled report, with everything needed to trace and re-check it. */
export interface ReportFigure {
  /** Position in `CompiledReport.figures` (the document refers to figures by it). */
  index: number;
  source: FigureSource;
  metric: MetricKey;
  /** For compliance figures: `should` or `did` of the rule named in `rule`. */
  rule: string | null;
  side: 'should' | 'did' | null;
  /** The org the figure is about and whether its subtree is rolled up. */
  org: string;
  rollup: boolean;
  /** `2021`, `2021-Q1` or `2021-03`. */
  period: string;
  value: number | null;
  status: FigureStatus;
  /** The text shown (阿拉伯 digits, or Chinese numerals when the template asked for them). */
  display: string;
  /** What the blank says when missing, e.g. 专题研讨次数. */
  label: string;
  /** The activities the value was computed from, in date order. */
  activityIds: string[];
}
