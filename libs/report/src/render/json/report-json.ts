import type { CompiledReport } from '../../compile/compiled-report';
import type { ReportFigure } from '../../compile/report-figure';
import { figureAt } from '../figure-at';
import { renderMarkdown } from '../markdown/render-markdown';

/** One figure as written to the report file: enough to recompute it from the ledger and compare. */
export type ReportJsonFigure = ReportFigure;

/**
 * The report file (`taizhang report verify FILE.json` reads it back): the compiled report without
 * its block structure, plus the blanks to fill and the text itself as Markdown, so it reads on its own.
 */
export interface ReportJson extends Omit<CompiledReport, 'document'> {
  blanks: { index: number; label: string }[];
  text: string;
}

/**
 * The object `renderJson` prints. Built key by key (never spread) so the key order is the same
 * whatever order the compiler filled its objects in; stream heads are sorted by stream id.
 */
export function reportJson(report: CompiledReport): ReportJson {
  return {
    reportId: report.reportId,
    template: { name: report.template.name, hash: report.template.hash },
    org: { id: report.org.id, name: report.org.name, kind: report.org.kind },
    year: report.year,
    rollup: report.rollup,
    ruleVersion: report.ruleVersion,
    countingVersion: report.countingVersion,
    asOf: { position: report.asOf.position, instant: report.asOf.instant },
    streamHeads: sortedHeads(report.streamHeads),
    compiledAt: report.compiledAt,
    zeroOk: [...report.zeroOk],
    figures: report.figures.map(figureJson),
    missing: [...report.missing],
    blanks: report.missing.map((index) => ({ index, label: figureAt(report, index).label })),
    text: renderMarkdown(report),
  };
}

function figureJson(figure: ReportFigure): ReportJsonFigure {
  const { kind, qualifier, measure, unit } = figure.metric;
  return {
    index: figure.index,
    source: figure.source,
    metric: { kind, qualifier, measure, unit },
    rule: figure.rule,
    side: figure.side,
    org: figure.org,
    rollup: figure.rollup,
    period: figure.period,
    value: figure.value,
    status: figure.status,
    display: figure.display,
    label: figure.label,
    activityIds: [...figure.activityIds],
  };
}

function sortedHeads(heads: CompiledReport['streamHeads']): ReportJson['streamHeads'] {
  const sorted: ReportJson['streamHeads'] = {};
  for (const stream of Object.keys(heads).sort()) {
    sorted[stream] = { version: heads[stream].version, hash: heads[stream].hash };
  }
  return sorted;
}
