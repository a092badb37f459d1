import type { BenchStoreKind } from './bench-store';

/**
 * The figures the bench reports, each against the target the issues set: for the embedded SQLite
 * store, and for PostgreSQL where issue 5 set its own (the rest keep the SQLite target).
 */

/**
 * `peakRss` is the process serving the filled ledger (rebuild + queries), the one the target is
 * about; `generatorPeakRss` is the bench process itself (log commands, synthetic generator,
 * appends), shown for transparency only.
 */
export type FigureId =
  | 'log'
  | 'singleAppend'
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
  | 'httpErrors'
  | 'importSheet';

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
  importSheet: { direction: 'max', value: 10 },
};

/**
 * Issue 5's targets for a PostgreSQL store: single-event transactions, batches of 100, rebuild.
 * (The SQLite store has no target of its own for a single append: its figure there is context.)
 */
export const POSTGRES_TARGETS: Readonly<Partial<Record<FigureId, Target>>> = {
  // "Single-event transactions": the store's own append, and the whole log command around one.
  log: { direction: 'min', value: 800 },
  singleAppend: { direction: 'min', value: 800 },
  bulkAppend: { direction: 'min', value: 25_000 },
  rebuild: { direction: 'min', value: 100_000 },
};

/** The figure with the target its store has for it. */
export function forStore(figure: Figure, kind: BenchStoreKind): Figure {
  const target = kind === 'postgres' ? (POSTGRES_TARGETS[figure.id] ?? figure.target) : figure.target;
  return target ? { ...figure, target } : figure;
}

export type RawCeilingId = 'single' | 'batched' | 'readParseFold';

export interface RawCeiling {
  id: RawCeilingId;
  what: string;
  /** As quoted in the issue (measured on another machine). */
  issuePerSecond: number;
  comparesWith: FigureId;
}

/** Raw better-sqlite3 ceilings quoted in issue 4: what the same work costs with no ledger around it. */
export const SQLITE_RAW_CEILINGS: readonly RawCeiling[] = [
  { id: 'single', what: 'single durable insert (one synchronous=FULL transaction each)', issuePerSecond: 4_700, comparesWith: 'log' },
  { id: 'batched', what: 'batched inserts', issuePerSecond: 80_000, comparesWith: 'bulkAppend' },
  { id: 'readParseFold', what: 'read + JSON.parse + fold', issuePerSecond: 300_000, comparesWith: 'rebuild' },
];

/** Raw `pg` figures quoted in issue 5 (measured on another machine). */
export const POSTGRES_RAW_CEILINGS: readonly RawCeiling[] = [
  { id: 'single', what: 'single-event transaction (one committed INSERT each)', issuePerSecond: 1_000, comparesWith: 'singleAppend' },
  { id: 'batched', what: 'batched inserts (100 rows a transaction)', issuePerSecond: 38_000, comparesWith: 'bulkAppend' },
  { id: 'readParseFold', what: 'read + JSON.parse + fold', issuePerSecond: 150_000, comparesWith: 'rebuild' },
];

export const RAW_CEILINGS: Readonly<Record<BenchStoreKind, readonly RawCeiling[]>> = {
  sqlite: SQLITE_RAW_CEILINGS,
  postgres: POSTGRES_RAW_CEILINGS,
};

/** What the raw ceilings are measured with, per store. */
export const RAW_DRIVER: Readonly<Record<BenchStoreKind, string>> = { sqlite: 'better-sqlite3', postgres: 'pg' };

export function judge(figure: Figure): JudgedFigure {
  const target = figure.target;
  if (!target) return { ...figure };
  const ratio = target.value === 0 ? undefined : figure.value / target.value;
  return { ...figure, ratio, met: target.direction === 'min' ? figure.value >= target.value : figure.value <= target.value };
}
