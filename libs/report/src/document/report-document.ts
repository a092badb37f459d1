/**
 * The compiled report as structure, independent of output format: every renderer (md, html,
 * docx, json) walks the same blocks. Figures stay references into `CompiledReport.figures` until a
 * renderer decides how to show them (plain number, link to provenance, Word run).
 */
export type Inline =
  | { type: 'text'; text: string }
  /** `figure` indexes `CompiledReport.figures`; a figure with no data renders as a visible blank. */
  | { type: 'figure'; figure: number };

export type Block =
  /** The report title (公文标题: 2号小标宋, centred). */
  | { type: 'title'; inlines: Inline[] }
  /** A centred line under the title (the reporter's name and post), 楷体. */
  | { type: 'subtitle'; inlines: Inline[] }
  /** 一、 (黑体) is level 1; （一） (楷体) is level 2. */
  | { type: 'heading'; level: 1 | 2; inlines: Inline[] }
  /** Body text, first line indented two characters. */
  | { type: 'paragraph'; inlines: Inline[] }
  /** Signature and date lines, right-aligned, no indent. */
  | { type: 'signature'; inlines: Inline[] }
  | { type: 'table'; header: Inline[][]; rows: Inline[][][] };

export interface ReportDocument {
  blocks: Block[];
}
