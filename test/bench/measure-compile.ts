import { performance } from 'node:perf_hooks';
import { openLedger } from '../../libs/application/src/open-ledger';
import { seededRandom } from '../../libs/application/src/demo/seeded-random';
import { compileReport, type CompileOptions } from '../../libs/report/src/compile/compile-report';
import type { CompiledReport } from '../../libs/report/src/compile/compiled-report';
import { loadTemplate } from '../../libs/report/src/compile/template-source';
import { renderDocx } from '../../libs/report/src/render/docx';
import { renderMarkdown } from '../../libs/report/src/render/markdown';
import { ProgressBar } from '../../apps/cli/src/printers/progress-bar';
import { type BenchStore, scratchStore } from './bench-store';
import { CompileLedger, seedCompileLedger } from './compile-ledger';
import { Figure, FigureId, TARGETS } from './figures';
import { percentile, perSecond } from './percentile';

/** Seed of the compile ledger's activities, members and group splits. */
const COMPILE_SEED = 20_211_001;
const ROLLUP_BRANCHES = 500;
/** Runs timed per figure, after the warm-up; roll-up docx is slow and has no target, so fewer. */
const BRANCH_RUNS = 60;
const BRANCH_WARM_UP = 5;
const ROLLUP_RUNS = 20;
const ROLLUP_DOCX_RUNS = 5;
const ROLLUP_WARM_UP = 2;

export interface CompileOutcome {
  figures: Figure[];
  ledger: CompileLedger;
  seedSeconds: number;
}

type Renderer = (report: CompiledReport) => Promise<number>;

const toMarkdown: Renderer = async (report) => Buffer.byteLength(renderMarkdown(report));
const toDocx: Renderer = async (report) => (await renderDocx(report)).length;

/** One timed run: the compile and the render, separately, and what came out. */
interface Run {
  compileMs: number;
  renderMs: number;
  figures: number;
  missing: number;
  blocks: number;
  bytes: number;
}

/**
 * Report compilation figures: `compileReport` over the projections of a real ledger, then
 * rendering, as `taizhang compile` does it (less recording the ReportCompiled event). The ledger is
 * its own temporary store of the run's kind (a SQLite file, or a PostgreSQL schema), seeded
 * through the ledger's store so every append is folded into the read model; the compile reads
 * the read model only (and each org stream's head for provenance).
 */
export async function measureCompile(thisYear: number, like?: BenchStore): Promise<CompileOutcome> {
  const store = scratchStore(like);
  const ledger = await openLedger(store.url).catch(async (error: unknown) => {
    await store.dispose();
    throw error;
  });
  try {
    const year = thisYear - 1;
    const bar = new ProgressBar('seed compile ledger');
    const seedStarted = performance.now();
    const seeded = await seedCompileLedger(ledger, { branches: ROLLUP_BRANCHES, year }, seededRandom(COMPILE_SEED), (done, total) => bar.update(done, total));
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    bar.finish();

    // Compiled the January after the year: every rule period has ended, as at a real year end.
    const base = { view: ledger.view, store: ledger.store, year, today: `${thisYear}-01-15`, compiledAt: `${thisYear}-01-15T02:00:00.000Z` };
    const branch: CompileOptions = { ...base, orgId: seeded.branchId, template: loadTemplate('branch-secretary'), rollup: false };
    const rollup: CompileOptions = { ...base, orgId: seeded.committeeId, template: loadTemplate('committee-secretary'), rollup: true };
    const branchScope = `branch ${seeded.branchId} (2 党小组, 30 members, ${seeded.branchActivitiesInYear} activities in ${year})`;
    const rollupScope = `committee over ${ROLLUP_BRANCHES} branches (${seeded.orgs} orgs, ${seeded.members} members, ${seeded.activitiesInYear} activities in ${year})`;

    const figures: Figure[] = [
      figureOf('compileBranchMd', 'compile branch-year + Markdown', branchScope, await timeRuns('compile branch → md', branch, toMarkdown, BRANCH_WARM_UP, BRANCH_RUNS)),
      figureOf('compileBranchDocx', 'compile branch-year + docx', branchScope, await timeRuns('compile branch → docx', branch, toDocx, BRANCH_WARM_UP, BRANCH_RUNS)),
      figureOf('compileRollupMd', `compile roll-up of ${ROLLUP_BRANCHES} branches + Markdown`, rollupScope, await timeRuns('compile roll-up → md', rollup, toMarkdown, ROLLUP_WARM_UP, ROLLUP_RUNS)),
      figureOf('compileRollupDocx', `compile roll-up of ${ROLLUP_BRANCHES} branches + docx`, rollupScope, await timeRuns('compile roll-up → docx', rollup, toDocx, 1, ROLLUP_DOCX_RUNS)),
    ];
    return { figures, ledger: seeded, seedSeconds };
  } finally {
    await ledger.close();
    await store.dispose();
  }
}

async function timeRuns(label: string, options: CompileOptions, render: Renderer, warmUp: number, runs: number): Promise<Run[]> {
  const bar = new ProgressBar(label);
  const timed: Run[] = [];
  for (let i = 0; i < warmUp + runs; i++) {
    const started = performance.now();
    const report = await compileReport(options);
    const compiled = performance.now();
    const bytes = await render(report);
    const rendered = performance.now();
    if (i >= warmUp) {
      timed.push({
        compileMs: compiled - started,
        renderMs: rendered - compiled,
        figures: report.figures.length,
        missing: report.missing.length,
        blocks: report.document.blocks.length,
        bytes,
      });
    }
    bar.update(i + 1, warmUp + runs);
  }
  bar.finish();
  return timed;
}

/**
 * p95 of compile + render when there are 20 runs or more, else the median (slow series run fewer
 * times); the detail splits the median into its compile and render parts.
 */
function figureOf(id: FigureId, label: string, scope: string, runs: readonly Run[]): Figure {
  const totals = runs.map((r) => r.compileMs + r.renderMs);
  const p = runs.length >= 20 ? 95 : 50;
  const median = (values: number[]) => percentile(values, 50).toFixed(1);
  const last = runs[runs.length - 1];
  return {
    id,
    label: `${label} ${p === 95 ? 'p95' : 'median'}`,
    value: percentile(totals, p),
    unit: 'ms',
    target: TARGETS[id],
    detail:
      `${scope}; ${runs.length} runs after warm-up, ${p === 95 ? 'p95' : 'median'} of compile + render; ` +
      `median ${median(totals)} ms = compile ${median(runs.map((r) => r.compileMs))} + render ${median(runs.map((r) => r.renderMs))}, ` +
      `max ${Math.max(...totals).toFixed(1)} ms, ${perSecond(runs.length, totals.reduce((a, b) => a + b, 0)).toFixed(1)} reports/s; ` +
      `${last.figures} figures (${last.missing} blank), ${last.blocks} blocks, ${last.bytes.toLocaleString('en-US')} bytes`,
  };
}
