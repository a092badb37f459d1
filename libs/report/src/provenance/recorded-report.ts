import { chinaDateOf, COUNTING_VERSION, ValidationError, type RecordedFigure, type ReportCompiledData } from '../../../domain/src';
import type { CompiledReport } from '../compile/compiled-report';
import type { ReportJson } from '../render/json/report-json';

/** What re-verification needs of a report, whether it comes from the ledger or from a submitted JSON file. */
export interface RecordedReport {
  reportId: string | null;
  orgId: string;
  year: number;
  rollup: boolean;
  template: string;
  ruleVersion: string;
  countingVersion: string;
  asOfPosition: bigint;
  /** The `--as-of` instant the report was compiled for, if any. */
  asOfInstant: string | null;
  streamHeads: Record<string, { version: number; hash: string }>;
  /** China date the report was compiled on (decides which rule periods were still open). */
  compiledOn: string;
  figures: RecordedFigure[];
}

/** The event data that records a compilation. */
export function reportCompiledData(report: CompiledReport, reportId: string, format: string): ReportCompiledData {
  return {
    reportId,
    orgId: report.org.id,
    year: report.year,
    rollup: report.rollup,
    template: report.template.name,
    templateHash: report.template.hash,
    format,
    ruleVersion: report.ruleVersion,
    countingVersion: report.countingVersion,
    asOfPosition: report.asOf.position,
    asOfInstant: report.asOf.instant,
    zeroOk: report.zeroOk,
    streamHeads: report.streamHeads,
    figures: report.figures.map(
      (f): RecordedFigure => ({
        index: f.index,
        source: f.source,
        kind: f.metric.kind,
        qualifier: f.metric.qualifier,
        measure: f.metric.measure,
        unit: f.metric.unit,
        rule: f.rule,
        side: f.side,
        org: f.org,
        rollup: f.rollup,
        period: f.period,
        value: f.value,
        status: f.status,
        activityIds: f.activityIds,
      }),
    ),
  };
}

export function fromCompiledData(data: ReportCompiledData, compiledOn: string): RecordedReport {
  return {
    reportId: data.reportId,
    orgId: data.orgId,
    year: data.year,
    rollup: data.rollup,
    template: data.template,
    ruleVersion: data.ruleVersion,
    countingVersion: data.countingVersion ?? COUNTING_VERSION,
    asOfPosition: BigInt(data.asOfPosition),
    asOfInstant: data.asOfInstant,
    streamHeads: data.streamHeads,
    compiledOn,
    figures: data.figures,
  };
}

/**
 * Reads a report file written by `--format json`. A file that is not one (or was cut short) is
 * refused with the reason, never half-read: verifying half a report would say nothing.
 */
export function fromReportFile(parsed: unknown): RecordedReport {
  const bad = (why: string, whyEn: string) => ValidationError.of('file', `不是有效的报告 JSON 文件：${why}`, `not a report JSON file: ${whyEn}`);
  if (typeof parsed !== 'object' || parsed === null) throw bad('内容不是对象', 'not an object');
  const r = parsed as Partial<ReportJson>;
  if (!r.org || typeof r.org.id !== 'string') throw bad('缺少 org.id', 'missing org.id');
  if (typeof r.year !== 'number') throw bad('缺少 year', 'missing year');
  if (!r.asOf || typeof r.asOf.position !== 'string' || !/^\d+$/.test(r.asOf.position)) throw bad('缺少 asOf.position', 'missing asOf.position');
  if (typeof r.ruleVersion !== 'string') throw bad('缺少 ruleVersion', 'missing ruleVersion');
  if (!Array.isArray(r.figures)) throw bad('缺少 figures', 'missing figures');
  const figures = r.figures.map((f, i): RecordedFigure => {
    if (!f || typeof f !== 'object' || !f.metric || typeof f.metric.kind !== 'string' || typeof f.org !== 'string' || typeof f.period !== 'string') {
      throw bad(`第 ${i + 1} 个数字不完整`, `figure ${i} is incomplete`);
    }
    return {
      index: f.index,
      source: f.source,
      kind: f.metric.kind,
      qualifier: f.metric.qualifier ?? null,
      measure: f.metric.measure,
      unit: f.metric.unit ?? null,
      rule: f.rule ?? null,
      side: f.side ?? null,
      org: f.org,
      rollup: Boolean(f.rollup),
      period: f.period,
      value: typeof f.value === 'number' ? f.value : null,
      status: f.status,
      activityIds: Array.isArray(f.activityIds) ? f.activityIds : [],
    };
  });
  return {
    reportId: r.reportId ?? null,
    orgId: r.org.id,
    year: r.year,
    rollup: Boolean(r.rollup),
    template: r.template?.name ?? '',
    ruleVersion: r.ruleVersion,
    countingVersion: r.countingVersion ?? COUNTING_VERSION,
    asOfPosition: BigInt(r.asOf.position),
    asOfInstant: r.asOf.instant ?? null,
    streamHeads: r.streamHeads ?? {},
    compiledOn: typeof r.compiledAt === 'string' ? chinaDateOf(r.compiledAt) : `${r.year}-12-31`,
    figures,
  };
}
