/**
 * The `--json` shapes of the report verbs (issue 3), written down independently of the code that
 * produces them: only the fields scripts and auditors may rely on.
 */

/** `taizhang compile … --out FILE --json`: what was compiled, where it went, which blanks are left. */
export interface CompileSummaryJson {
  reportId: string;
  org: string;
  year: number;
  template: string;
  format: 'md' | 'html' | 'docx' | 'json';
  out: string | null;
  asOfPosition: string;
  figures: number;
  missing: { index: number; label: string }[];
}

export interface ReportFigureJson {
  index: number;
  source: 'tally' | 'compliance';
  metric: { kind: string; qualifier: string | null; measure: string; unit: string | null };
  side: 'should' | 'did' | null;
  org: string;
  rollup: boolean;
  period: string;
  value: number | null;
  status: 'filled' | 'missing' | 'zero-confirmed';
  display: string;
  label: string;
  activityIds: string[];
}

/** The report file written by `compile --format json` (and read back by `report verify FILE`). */
export interface ReportFileJson {
  reportId: string;
  template: { name: string; hash: string };
  org: { id: string; name: string; kind: string };
  year: number;
  rollup: boolean;
  asOf: { position: string; instant: string | null };
  compiledAt: string;
  zeroOk: string[];
  figures: ReportFigureJson[];
  missing: number[];
  blanks: { index: number; label: string }[];
  text: string;
}

export interface ReportListJson {
  org: string;
  asOf: string | null;
  reports: { reportId: string; orgId: string; year: number; template: string; rollup: boolean; asOfPosition: string; recordedAt: string }[];
}

export interface FigureCheckJson {
  index: number;
  label: string;
  kind: string;
  qualifier: string | null;
  measure: string;
  side: 'should' | 'did' | null;
  org: string;
  period: string;
  recorded: number | null;
  value: number | null;
}

export interface ReportVerificationJson {
  reportId: string | null;
  orgId: string;
  year: number;
  asOfPosition: string;
  currentPosition: string;
  figures: number;
  headsIntact: boolean;
  brokenHeads: { stream: string; reason: string }[];
  matchesAtRecording: boolean;
  mismatches: FigureCheckJson[];
  unchangedSince: boolean;
  changes: (FigureCheckJson & {
    events: { position: string; type: string; activityId: string; recordedAt: string; actor: string; reason: string | null }[];
  })[];
  ok: boolean;
}

/** Figures of a report file that match a metric (a kind may appear more than once in a text). */
export function figuresOf(report: ReportFileJson, kind: string, measure: string, more: Partial<Pick<ReportFigureJson, 'org' | 'side'>> & { qualifier?: string | null } = {}): ReportFigureJson[] {
  return report.figures.filter(
    (f) =>
      f.metric.kind === kind &&
      f.metric.measure === measure &&
      (more.qualifier === undefined || f.metric.qualifier === more.qualifier) &&
      (more.org === undefined || f.org === more.org) &&
      (more.side === undefined || f.side === more.side),
  );
}
