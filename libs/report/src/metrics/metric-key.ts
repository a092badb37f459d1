/**
 * A metric names one figure a report can state: kind + optional qualifier + measure (+ unit for
 * quantities), domain.md "Measures and metrics". It is the key shared by templates, draft filling,
 * the compiled-report record and re-verification.
 */
export const REPORT_MEASURES = ['count', 'attendance', 'participants', 'hours', 'quantity', 'rate', 'amount'] as const;
export type ReportMeasure = (typeof REPORT_MEASURES)[number];

export interface MetricKey {
  kind: string;
  qualifier: string | null;
  measure: ReportMeasure;
  /** The measure word as written (篇, 册, 学时…); required for `quantity`, informative otherwise. */
  unit: string | null;
}

/** Which measure a measure word asks for; null for a word no metric answers. */
export function measureOfUnit(unit: string): ReportMeasure | null {
  switch (unit) {
    case '次':
    case '场':
    case '期':
      return 'count';
    case '人次':
      return 'attendance';
    case '人':
    case '名':
      return 'participants';
    case '学时':
    case '小时':
      return 'hours';
    case '%':
    case '％':
      return 'rate';
    case '元':
    case '万元':
      return 'amount';
    case '篇':
    case '册':
    case '份':
    case '项':
    case '本':
    case '块':
    case '版':
    case '部':
    case '批':
    case '个':
      return 'quantity';
    default:
      return null;
  }
}

/** A stable text key (`party-lecture/secretary/count`, `research-visit/-/quantity/篇`) for maps and JSON. */
export function metricId(key: MetricKey): string {
  const base = `${key.kind}/${key.qualifier ?? '-'}/${key.measure}`;
  return key.measure === 'quantity' ? `${base}/${key.unit ?? ''}` : base;
}

export function sameMetric(a: MetricKey, b: MetricKey): boolean {
  return metricId(a) === metricId(b);
}
