import { JudgedFigure, RAW_CEILINGS, RAW_DRIVER } from './figures';
import type { BenchSection } from './bench-options';
import type { BenchStoreKind } from './bench-store';
import type { CompileLedger } from './compile-ledger';
import type { HttpLedgerSummary } from './measure-http';
import type { ResidentBreakdown } from './memory';
import type { RawCeilings } from './raw-ceilings';

export interface BenchReport {
  /** The store's URL as printed (no password). */
  store: string;
  storeKind: BenchStoreKind;
  temporary: boolean;
  node: string;
  cpus: string;
  sections: readonly BenchSection[];
  /** The synthetic ledger of the ledger section (zeros when it did not run). */
  events: number;
  orgs: number;
  members: number;
  /** The compile section's own ledger, when it ran. */
  compileLedger?: CompileLedger & { seedSeconds: number };
  /** What the http section set up on its own store, when it ran. */
  httpLedger?: HttpLedgerSummary;
  /** 1-minute load average at start and end: the machine may be shared, and figures move with it. */
  loadAverage: { start: number; end: number };
  figures: JudgedFigure[];
  /** Peak RSS after each stage and what is resident at its end, MB: where memory went. */
  memoryAfterStage: Record<string, { peakRssMb: number; now: ResidentBreakdown | undefined }>;
  /** Measured with --raw. */
  rawCeilings?: RawCeilings;
  /** Sections that failed part way (their figures so far are kept); the error in full goes to stderr. */
  failures: { section: BenchSection; error: string }[];
}

function formatValue(value: number, unit: string): string {
  const digits = unit === 'ms' ? 3 : unit === 'MB' || unit === 's' ? 1 : 0;
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}

function formatTarget(f: JudgedFigure): string {
  if (!f.target) return '';
  return `${f.target.direction === 'min' ? '≥' : '≤'} ${formatValue(f.target.value, f.unit)}`;
}

function mark(f: JudgedFigure): string {
  if (f.met === undefined) return ' ';
  return f.met ? '✓' : '✗';
}

export function printText(report: BenchReport, write: (line: string) => void): void {
  const temporary = report.storeKind === 'postgres' ? ' (a schema of its own, dropped at the end)' : ' (temporary)';
  const kind = report.storeKind === 'postgres' ? 'PostgreSQL store' : 'embedded SQLite store';
  write(`taizhang bench — ${kind} ${report.store}${report.temporary ? temporary : ''}`);
  const n = (value: number) => value.toLocaleString('en-US');
  write(`node ${report.node}, ${report.cpus}; sections: ${report.sections.join(', ')}`);
  if (report.sections.includes('ledger')) write(`ledger: ${n(report.events)} events in ${n(report.orgs)} orgs, ${n(report.members)} members`);
  const c = report.compileLedger;
  if (c) {
    write(
      `compile: its own ledger of ${n(c.events)} events (${n(c.orgs)} orgs, ${n(c.members)} members, ${n(c.activitiesInYear)} activities in ${c.year}), seeded in ${c.seedSeconds.toFixed(1)} s`,
    );
  }
  const h = report.httpLedger;
  if (h) {
    write(
      `http: server process on its own store, ${n(h.branches)} branches (${n(h.members)} members, ${n(h.secretaries)} secretary accounts) set up over the API, ` +
        `${n(h.sessions)} sessions, in ${h.setUpSeconds.toFixed(1)} s${h.cpuProfileDir ? `; server CPU profile in ${h.cpuProfileDir}` : ''}`,
    );
  }
  write(`load average (1 min) ${report.loadAverage.start.toFixed(2)} at start, ${report.loadAverage.end.toFixed(2)} at end`);
  write('');
  const rows = report.figures.map((f) => [mark(f), f.label, formatValue(f.value, f.unit), formatTarget(f), f.ratio === undefined ? '' : f.ratio.toFixed(2)]);
  const header = [' ', 'figure', 'value', 'target', 'value/target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  write(line(header));
  for (const row of rows) write(line(row));
  const missed = report.figures.filter((f) => f.met === false);
  write('');
  write(missed.length === 0 ? 'all targets met' : `✗ ${missed.length} target(s) missed: ${missed.map((f) => f.id).join(', ')}`);
  for (const failure of report.failures) write(`✗ the ${failure.section} section failed: ${failure.error.split('\n')[0]} (in full on stderr)`);
  write('');
  write('how each figure was measured:');
  for (const f of report.figures) write(`  ${f.id}: ${f.detail}`);
  write('  memory after each stage, MB (peak RSS so far; resident now: anonymous (of it JS heap) / mapped files / shared):');
  for (const [stage, m] of Object.entries(report.memoryAfterStage)) {
    const now = m.now ? `; now ${m.now.anonMb.toFixed(0)} (${m.now.jsHeapMb.toFixed(0)}) / ${m.now.fileMb.toFixed(0)} / ${m.now.shmemMb.toFixed(0)}` : '';
    write(`    ${stage}: peak ${m.peakRssMb.toFixed(0)}${now}`);
  }
  if (!report.sections.includes('ledger')) return;
  write('');
  write(`context — raw ${RAW_DRIVER[report.storeKind]} ceilings (no ledger around them), as quoted in the issue${report.rawCeilings ? ' and measured here (--raw)' : ''}:`);
  for (const c of RAW_CEILINGS[report.storeKind]) {
    const ours = report.figures.find((f) => f.id === c.comparesWith);
    const share = (ceiling: number) => (ours ? `, ours is ${((ours.value / ceiling) * 100).toFixed(0)}% of it` : '');
    const here = report.rawCeilings?.[c.id];
    const measured = here ? `; here ${Math.round(here.perSecond).toLocaleString('en-US')}/s (${here.detail})${share(here.perSecond)}` : '';
    write(`  ${c.what}: issue ≈ ${c.issuePerSecond.toLocaleString('en-US')}/s${share(c.issuePerSecond)}${measured}`);
  }
}

export function printJson(report: BenchReport, write: (line: string) => void): void {
  write(JSON.stringify({ ...report, issueCeilings: RAW_CEILINGS[report.storeKind] }, null, 2));
}
