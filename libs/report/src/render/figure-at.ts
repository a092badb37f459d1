import type { CompiledReport } from '../compile/compiled-report';
import { blankText } from '../compile/compiled-report';
import type { ReportFigure } from '../compile/report-figure';

/**
 * The figure a document inline points at. A dangling index means the compiler produced a broken
 * document; printing anything in its place would hide a wrong report, so it throws.
 */
export function figureAt(report: CompiledReport, index: number): ReportFigure {
  const figure = report.figures[index];
  if (!figure) {
    throw new Error(`report document refers to figure ${index}, but the report has ${report.figures.length} figures`);
  }
  return figure;
}

/** The words a figure shows in the text: its display, or for a blank with no display its 【待补：…】 mark. */
export function figureText(figure: ReportFigure): string {
  if (figure.status === 'missing' && figure.display.trim() === '') return blankText(figure.label);
  return figure.display;
}
