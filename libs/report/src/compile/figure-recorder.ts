import { blankText } from './compiled-report';
import type { ReportFigure } from './report-figure';
import { metricLabel } from '../metrics/metric-label';
import { chineseNumeral } from '../helpers/chinese-numerals';

/** A figure as a helper knows it, before the recorder decides how it shows. */
export type FigureSpec = Omit<ReportFigure, 'index' | 'status' | 'display' | 'label'>;

/**
 * Collects the figures of one compilation in template order. The recorder alone applies
 * "missing is not zero": no value → a visible blank, unless the user confirmed the kind as zero.
 */
export class FigureRecorder {
  readonly figures: ReportFigure[] = [];
  private readonly zeroOk: ReadonlySet<string>;

  constructor(zeroOk: Iterable<string>) {
    this.zeroOk = new Set(zeroOk);
  }

  record(spec: FigureSpec): number {
    const index = this.figures.length;
    const label = metricLabel(spec.metric) + (spec.side === 'should' ? '（应开）' : '');
    let figure: ReportFigure;
    if (spec.value !== null) {
      figure = { ...spec, index, status: 'filled', display: formatNumber(spec.value), label };
    } else if (this.zeroOk.has(spec.metric.kind)) {
      figure = { ...spec, index, value: 0, status: 'zero-confirmed', display: '0', label };
    } else {
      figure = { ...spec, index, status: 'missing', display: blankText(label), label };
    }
    this.figures.push(figure);
    return index;
  }

  /**
   * Shows a figure in Chinese numerals. Each helper call records a figure of its own, so the figure
   * `cn` receives appears nowhere else in the text and can change its display in place.
   */
  inChinese(index: number): number {
    const figure = this.figures[index];
    if (figure.value !== null && figure.status !== 'missing') figure.display = chineseNumeral(figure.value);
    return index;
  }

  missing(): number[] {
    return this.figures.filter((f) => f.status === 'missing').map((f) => f.index);
  }
}

/** Integers as digits; fractions (hours, amounts) without float noise. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}
