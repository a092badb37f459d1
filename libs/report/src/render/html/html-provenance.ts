import type { CompiledReport } from '../../compile/compiled-report';
import type { ReportFigure } from '../../compile/report-figure';
import { escapeHtml } from './html-escape';
import { figureRowId, type InlineRenderer } from './html-inline';

/**
 * 数据来源: what the report was compiled from, then one row per figure (its metric, scope, value and
 * the activities behind it) so a reader can follow any number in the text back to the ledger.
 * Runs after the body so it knows which blanks appeared there to link back to.
 */
export function renderProvenance(report: CompiledReport, inline: InlineRenderer): string {
  return [
    '<section class="provenance" aria-labelledby="provenance-heading">',
    '<h2 id="provenance-heading">数据来源</h2>',
    renderMeta(report),
    '<table class="figures">',
    '<thead><tr><th>编号</th><th>名称</th><th>指标</th><th>组织</th><th>期间</th><th>数值</th><th>依据活动</th></tr></thead>',
    '<tbody>',
    ...report.figures.map((figure) => renderFigureRow(figure, inline)),
    '</tbody>',
    '</table>',
    '</section>',
  ].join('\n');
}

function renderMeta(report: CompiledReport): string {
  const code = (text: string): string => `<code>${escapeHtml(text)}</code>`;
  const heads = Object.keys(report.streamHeads)
    .sort()
    .map((stream) => {
      const head = report.streamHeads[stream];
      return `${code(stream)} 版本 ${head.version} ${code(head.hash)}`;
    });
  const rows: [string, string][] = [
    ['报告编号', report.reportId === null ? '未登记' : code(report.reportId)],
    ['组织', `${escapeHtml(report.org.name)}（${code(report.org.id)}，${code(report.org.kind)}）`],
    ['年度', `${report.year}${report.rollup ? '（含下级组织）' : ''}`],
    ['模板', `${escapeHtml(report.template.name)}（${code(report.template.hash)}）`],
    ['规则版本', code(report.ruleVersion)],
    ['计数口径', code(report.countingVersion)],
    ['读取位置', code(report.asOf.position)],
    ['截至时点', report.asOf.instant === null ? '最新' : code(report.asOf.instant)],
    ['编制时间', code(report.compiledAt)],
    ['确认为零', report.zeroOk.length === 0 ? '无' : report.zeroOk.map(code).join('、')],
    ['链头', heads.length === 0 ? '无' : heads.join('<br>')],
  ];
  return ['<dl class="report-meta">', ...rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`), '</dl>'].join('\n');
}

function renderFigureRow(figure: ReportFigure, inline: InlineRenderer): string {
  const id = figureRowId(figure.index);
  const activities = figure.activityIds.length === 0 ? '—' : figure.activityIds.map((a) => `<code>${escapeHtml(a)}</code>`).join(' ');
  const cells = [
    `<code>${id}</code>`,
    escapeHtml(figure.label),
    renderMetric(figure),
    `<code>${escapeHtml(figure.org)}</code>${figure.rollup ? '（含下级）' : ''}`,
    escapeHtml(figure.period),
    renderValue(figure, inline),
    activities,
  ];
  return `<tr id="${id}">${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
}

/** kind / qualifier / measure as the metric key spells them, the unit, and for compliance the rule side. */
function renderMetric(figure: ReportFigure): string {
  const { kind, qualifier, measure, unit } = figure.metric;
  const parts = [kind, qualifier ?? '-', measure].map((part) => `<code>${escapeHtml(part)}</code>`).join(' / ');
  const unitText = unit === null ? '' : `（${escapeHtml(unit)}）`;
  const rule =
    figure.source === 'compliance' && figure.rule !== null
      ? `<br>规则 <code>${escapeHtml(figure.rule)}</code>${figure.side === 'should' ? ' 应开展' : figure.side === 'did' ? ' 实开展' : ''}`
      : '';
  return `${parts}${unitText}${rule}`;
}

function renderValue(figure: ReportFigure, inline: InlineRenderer): string {
  if (figure.status === 'missing') {
    const back = inline.blankId(figure.index);
    return back === null ? '<mark class="blank">待补</mark>' : `<mark class="blank"><a href="#${back}">待补</a></mark>`;
  }
  const display = escapeHtml(figure.display);
  // Chinese numerals (两, 十二) show the number they stand for as well.
  const number = figure.value !== null && String(figure.value) !== figure.display ? `（${figure.value}）` : '';
  const confirmed = figure.status === 'zero-confirmed' ? '（确认未开展）' : '';
  return `${display}${number}${confirmed}`;
}
