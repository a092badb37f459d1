export const REPORT_COMPILED = 'ReportCompiled';
export const REPORT_COMPILED_VERSION = 1;

/** One figure as recorded: enough to recompute it and to say which activities stood behind it. */
export interface RecordedFigure {
  index: number;
  source: 'tally' | 'compliance';
  kind: string;
  qualifier: string | null;
  measure: string;
  unit: string | null;
  rule: string | null;
  side: 'should' | 'did' | null;
  org: string;
  rollup: boolean;
  period: string;
  value: number | null;
  status: 'filled' | 'missing' | 'zero-confirmed';
  activityIds: string[];
}

/**
 * A report was compiled from the ledger: what it said and exactly which ledger it was read from
 * (global position and the hash at the head of every org stream in scope), so an auditor can later
 * recompile it and see whether, and why, a figure no longer matches.
 */
export interface ReportCompiledData {
  reportId: string;
  orgId: string;
  year: number;
  rollup: boolean;
  /** Template name and the SHA-256 of its source. */
  template: string;
  templateHash: string;
  format: string;
  ruleVersion: string;
  countingVersion: string;
  /** Global position the figures were read at (decimal string: positions are bigint). */
  asOfPosition: string;
  /** The `--as-of` instant asked for, if any. */
  asOfInstant: string | null;
  zeroOk: string[];
  streamHeads: Record<string, { version: number; hash: string }>;
  figures: RecordedFigure[];
}

export function reportStreamId(orgId: string): string {
  return `report-${orgId}`;
}

export const REPORT_STREAM_PREFIX = 'report-';
