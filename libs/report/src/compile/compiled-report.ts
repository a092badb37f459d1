import type { ReportDocument } from '../document/report-document';
import type { ReportFigure } from './report-figure';

/** A report compiled from the ledger: its text as structure, every figure, and where it was read from. */
export interface CompiledReport {
  /** Set once the compilation is recorded as a `ReportCompiled` event. */
  reportId: string | null;
  template: { name: string; hash: string };
  org: { id: string; name: string; kind: string };
  year: number;
  rollup: boolean;
  /** Compliance rules and counting rules the figures were computed under. */
  ruleVersion: string;
  countingVersion: string;
  /** Global position read at (decimal string) and the `--as-of` instant asked for, if any. */
  asOf: { position: string; instant: string | null };
  /** Head (version, hash) of every org stream in scope at that position. */
  streamHeads: Record<string, { version: number; hash: string }>;
  /** ISO instant of compilation. */
  compiledAt: string;
  /** Kinds the user confirmed did not happen: their missing figures show 0. */
  zeroOk: string[];
  figures: ReportFigure[];
  /** Indexes of figures left as visible blanks (no data). */
  missing: number[];
  document: ReportDocument;
}

/** The visible mark for a figure with no data behind it. */
export function blankText(label: string): string {
  return `【待补：${label}】`;
}
