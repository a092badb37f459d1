/** The figures the bench reports, each against the target the issue set for the embedded SQLite store. */

/**
 * `peakRss` is the process serving the filled ledger (rebuild + queries), the one the target is
 * about; `generatorPeakRss` is the bench process itself (log commands, synthetic generator,
 * appends), shown for transparency only.
 */
export type FigureId =
  | 'log'
  | 'bulkAppend'
  | 'rebuild'
  | 'tallyP50'
  | 'tallyP99'
  | 'peakRss'
  | 'generatorPeakRss'
  | 'compileBranchMd'
  | 'compileBranchDocx'
  | 'compileRollupMd'
  | 'compileRollupDocx'
  | 'httpLogThroughput'
  | 'httpLogP99'
  | 'httpLost'
  | 'httpErrors';

export interface Target {
  /** `min`: the figure must reach the target (throughput); `max`: it must stay under it (latency, memory). */
  direction: 'min' | 'max';
  value: number;
}

export interface Figure {
  id: FigureId;
  label: string;
  value: number;
  unit: string;
  /** Absent for figures shown for context only. */
  target?: Target;
  /** What exactly was measured (counts, how), for the reader of the numbers. */
  detail: string;
}

export interface JudgedFigure extends Figure {
  /** figure / target; undefined without a target (or with a target of 0, where it means nothing). */
  ratio?: number;
  met?: boolean;
}

export const TARGETS: Readonly<Partial<Record<FigureId, Target>>> = {
  log: { direction: 'min', value: 3_000 },
  bulkAppend: { direction: 'min', value: 40_000 },
  rebuild: { direction: 'min', value: 200_000 },
  tallyP99: { direction: 'max', value: 2 },
  peakRss: { direction: 'max', value: 250 },
  compileBranchMd: { direction: 'max', value: 50 },
  compileBranchDocx: { direction: 'max', value: 300 },
  compileRollupMd: { direction: 'max', value: 1_000 },
  httpLogThroughput: { direction: 'min', value: 1_000 },
  httpLost: { direction: 'max', value: 0 },
};

export type RawCeilingId = 'single' | 'batched' | 'readParseFold';

export interface RawCeiling {
  id: RawCeilingId;
  what: string;
  /** As quoted in the issue (measured on another machine). */
  issuePerSecond: number;
  comparesWith: FigureId;
}

/** Raw better-sqlite3 ceilings quoted in the issue: what the same work costs with no ledger around it. */
export const RAW_CEILINGS: readonly RawCeiling[] = [
  { id: 'single', what: 'single durable insert (one synchronous=FULL transaction each)', issuePerSecond: 4_700, comparesWith: 'log' },
  { id: 'batched', what: 'batched inserts', issuePerSecond: 80_000, comparesWith: 'bulkAppend' },
  { id: 'readParseFold', what: 'read + JSON.parse + fold', issuePerSecond: 300_000, comparesWith: 'rebuild' },
];

export function judge(figure: Figure): JudgedFigure {
  const target = figure.target;
  if (!target) return { ...figure };
  const ratio = target.value === 0 ? undefined : figure.value / target.value;
  return { ...figure, ratio, met: target.direction === 'min' ? figure.value >= target.value : figure.value <= target.value };
}
