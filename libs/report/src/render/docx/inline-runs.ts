import { HighlightColor, TextRun } from 'docx';
import type { ReportFigure } from '../../compile/report-figure';
import type { Inline } from '../../document/report-document';
import type { DocxFonts } from './docx-fonts';
import { runFormatting, type RunLook } from './run-formatting';

/** What the inline renderers need besides the inlines themselves. */
export interface RunContext {
  figures: readonly ReportFigure[];
  fonts: DocxFonts;
}

/**
 * One run per inline. A figure with no data keeps its 【待补：…】 text and is highlighted yellow, so
 * the secretary finds every blank at a glance in Word before the report goes out.
 */
export function inlineRuns(inlines: readonly Inline[], look: RunLook, context: RunContext): TextRun[] {
  const formatting = runFormatting(look, context.fonts);
  return inlines.map((inline) => {
    if (inline.type === 'text') return new TextRun({ ...formatting, text: inline.text });
    const figure = figureAt(context.figures, inline.figure);
    const blank = figure.status === 'missing';
    return new TextRun({ ...formatting, text: figure.display, ...(blank ? { highlight: HighlightColor.YELLOW } : {}) });
  });
}

/** The text of inlines with figures shown as displayed (for document properties). */
export function inlineText(inlines: readonly Inline[], figures: readonly ReportFigure[]): string {
  return inlines.map((inline) => (inline.type === 'text' ? inline.text : figureAt(figures, inline.figure).display)).join('');
}

function figureAt(figures: readonly ReportFigure[], index: number): ReportFigure {
  const figure = figures[index];
  if (!figure) throw new Error(`报告正文引用了不存在的数字（序号 ${index}），共有 ${figures.length} 个数字`);
  return figure;
}
