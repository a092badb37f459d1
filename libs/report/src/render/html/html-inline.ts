import type { CompiledReport } from '../../compile/compiled-report';
import type { ReportFigure } from '../../compile/report-figure';
import type { Inline } from '../../document/report-document';
import { metricId } from '../../metrics/metric-key';
import { figureAt, figureText } from '../figure-at';
import { escapeHtml } from './html-escape';

/**
 * Renders inline runs of one report. Figures link to their provenance row (`#figure-N`); blanks
 * also get an id of their own so the row can link back. A figure may appear more than once (the
 * same count in text and in a table), so later blanks of it get `blank-N-2`, `blank-N-3`… to keep
 * ids unique, and the row links to the first.
 */
export interface InlineRenderer {
  render(inlines: Inline[]): string;
  /** The id of the first blank rendered for figure `index`, if it appeared in the text. */
  blankId(index: number): string | null;
}

export function createInlineRenderer(report: CompiledReport): InlineRenderer {
  const blankCounts = new Map<number, number>();

  const blank = (figure: ReportFigure): string => {
    const seen = (blankCounts.get(figure.index) ?? 0) + 1;
    blankCounts.set(figure.index, seen);
    const id = seen === 1 ? `blank-${figure.index}` : `blank-${figure.index}-${seen}`;
    return `<mark class="blank" id="${id}"><a href="#${figureRowId(figure.index)}" data-metric="${escapeHtml(metricId(figure.metric))}">${escapeHtml(figureText(figure))}</a></mark>`;
  };

  const figureLink = (figure: ReportFigure): string =>
    `<a class="figure" href="#${figureRowId(figure.index)}" data-metric="${escapeHtml(metricId(figure.metric))}">${escapeHtml(figureText(figure))}</a>`;

  return {
    render: (inlines) =>
      inlines
        .map((inline) => {
          if (inline.type === 'text') return escapeHtml(inline.text);
          const figure = figureAt(report, inline.figure);
          return figure.status === 'missing' ? blank(figure) : figureLink(figure);
        })
        .join(''),
    blankId: (index) => (blankCounts.has(index) ? `blank-${index}` : null),
  };
}

/** The id of a figure's row in the provenance table. */
export function figureRowId(index: number): string {
  return `figure-${index}`;
}
