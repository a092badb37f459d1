import type { ReportRecord } from '../../../../../libs/projections/src/reports/report-record';
import type { CompiledReport, FillBlank, ReportVerification } from '../../../../../libs/report/src';
import { chinaDateTime, SOURCE_LABELS } from '../labels';
import { TEMPLATE_LABELS } from './report-form';

export function reportListRows(reports: readonly ReportRecord[]) {
  return reports.map((r) => ({
    reportId: r.reportId,
    year: r.year,
    template: TEMPLATE_LABELS[r.template] ?? r.template,
    format: r.format,
    rollup: r.rollup,
    recordedAt: chinaDateTime(r.recordedAt),
    actor: r.actor,
    source: SOURCE_LABELS[r.source] ?? r.source,
    figures: r.figures.length,
    missing: r.figures.filter((f) => f.status === 'missing').length,
    verifyLink: `/reports/${encodeURIComponent(r.reportId)}/verify`,
  }));
}

/** The preview's summary: how many numbers came from the ledger and which blanks are left. */
export function previewSummary(report: CompiledReport) {
  const labels = [...new Set(report.missing.map((i) => report.figures[i].label))];
  return {
    reportId: report.reportId,
    filled: report.figures.filter((f) => f.status === 'filled').length,
    zeroConfirmed: report.figures.filter((f) => f.status === 'zero-confirmed').length,
    total: report.figures.length,
    missingLabels: labels,
    position: report.asOf.position,
  };
}

const BLANK_STATUS_LABELS: Record<FillBlank['status'], string> = {
  filled: '已填',
  'no-data': '台账无记录',
  unmapped: '无对应指标',
  ambiguous: '指代不明',
  'not-quantitative': '名称占位（未改动）',
};

export function fillRows(blanks: readonly FillBlank[]) {
  return blanks.map((b) => ({
    index: b.index,
    placeholder: b.placeholder,
    context: b.context,
    status: b.status,
    statusLabel: BLANK_STATUS_LABELS[b.status],
    filled: b.status === 'filled',
    left: b.quantitative && b.status !== 'filled',
    value: b.value === null ? '' : String(b.value),
    reason: b.reason ?? '',
  }));
}

export function fillSummary(blanks: readonly FillBlank[]) {
  return {
    total: blanks.length,
    filled: blanks.filter((b) => b.status === 'filled').length,
    left: blanks.filter((b) => b.quantitative && b.status !== 'filled').length,
    names: blanks.filter((b) => !b.quantitative).length,
  };
}

const HEAD_REASONS: Record<string, string> = {
  missing: '链头已不存在（事件被删除）',
  'hash-differs': '链头哈希不一致（历史被改动）',
  'chain-broken': '哈希链断裂',
};

/** 复核: is the report what the ledger said when it was compiled, and what has changed since. */
export function verificationModel(v: ReportVerification) {
  const figure = (f: { label: string; org: string; period: string; recorded: number | null; value: number | null }) => ({
    label: f.label,
    org: f.org,
    period: f.period,
    recorded: f.recorded === null ? '空' : String(f.recorded),
    value: f.value === null ? '无数据' : String(f.value),
  });
  return {
    reportId: v.reportId,
    orgId: v.orgId,
    year: v.year,
    ok: v.ok,
    figures: v.figures,
    asOfPosition: v.asOfPosition,
    currentPosition: v.currentPosition,
    headsIntact: v.headsIntact,
    brokenHeads: v.brokenHeads.map((b) => ({ stream: b.stream, reason: HEAD_REASONS[b.reason] ?? b.reason, version: b.recorded.version })),
    matchesAtRecording: v.matchesAtRecording,
    mismatches: v.mismatches.map(figure),
    unchangedSince: v.unchangedSince,
    changes: v.changes.map((c) => ({
      ...figure(c),
      events: c.events.map((e) => ({
        type: e.type === 'ActivityLogged' ? '新登记' : e.type === 'ActivityCorrected' ? '更正' : e.type === 'ActivityVoided' ? '作废' : e.type,
        activityId: e.activityId,
        link: `/activities/${encodeURIComponent(e.activityId)}`,
        recordedAt: chinaDateTime(e.recordedAt),
        actor: e.actor,
        reason: e.reason ?? '',
      })),
    })),
  };
}
