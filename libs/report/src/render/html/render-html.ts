import type { CompiledReport } from '../../compile/compiled-report';
import { figureAt, figureText } from '../figure-at';
import { renderBody } from './html-body';
import { escapeHtml } from './html-escape';
import { createInlineRenderer } from './html-inline';
import { renderProvenance } from './html-provenance';
import { REPORT_STYLE } from './html-style';

/**
 * The report as one self-contained, print-ready HTML page: the report itself, then its 数据来源
 * on a new page. Every figure links to its provenance row; every blank is marked and listed.
 */
export function renderHtml(report: CompiledReport): string {
  const inline = createInlineRenderer(report);
  // The body first: the provenance rows link back to the blanks it rendered.
  const body = renderBody(report.document, inline);
  const provenance = renderProvenance(report, inline);
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(titleText(report))}</title>`,
    '<style>',
    REPORT_STYLE.trimEnd(),
    '</style>',
    '</head>',
    '<body>',
    '<article class="report">',
    body,
    '</article>',
    provenance,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The title block as plain text; a document without one is named after its org and year. */
function titleText(report: CompiledReport): string {
  const title = report.document.blocks.find((block) => block.type === 'title');
  const text =
    title?.type === 'title'
      ? title.inlines.map((inline) => (inline.type === 'text' ? inline.text : figureText(figureAt(report, inline.figure)))).join('')
      : '';
  return text.trim() || `${report.org.name}${report.year}年度述职报告`;
}
