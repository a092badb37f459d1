import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { chinaDateOf } from '../../libs/domain/src/civil-date';
import { openEventStore, sqliteFilePath } from '../../libs/event-store/src/open-event-store';
import { seededRandom } from '../../libs/application/src/demo/seeded-random';
import { BenchApp, bootBenchApp } from './bench-app';
import { BENCH_USAGE, BenchOptions, BenchSection, parseBenchOptions } from './bench-options';
import { BenchStore, benchStore } from './bench-store';
import { Figure, forStore, judge, TARGETS } from './figures';
import { fillStore } from './measure-bulk-append';
import { measureCompile } from './measure-compile';
import { measureHttp } from './measure-http';
import { IMPORT_BENCH_ROWS, measureImport } from './measure-import';
import { measureCommandLog } from './measure-log';
import { measureServing } from './measure-serving';
import { peakRssMb, residentBreakdown } from './memory';
import { BenchReport, printJson, printText } from './print-figures';
import { measureRawCeilings, RawCeilings } from './raw-ceilings';
import { measureRawPgCeilings } from './raw-pg-ceilings';
import { planSyntheticLedger } from './synthetic-ledger';

/** Seed of the serving process's random org and year picks for the tally queries. */
const SERVING_SEED = 20_210_702;

/**
 * `npm run bench`: the issues' performance figures for the embedded SQLite store (default) or a
 * PostgreSQL store (`--store postgres://…`, in a schema of the run's own), each printed with its
 * store's target and figure/target. It measures and reports; it asserts nothing (a missed
 * target is marked ✗, the exit code stays 0; a section that fails is reported with its error, the
 * other sections' figures still print, and the exit code is 1). Progress bars appear only when
 * stderr is a TTY.
 *
 * Two processes: this one logs commands and fills the store with the synthetic ledger; a fresh
 * child (`serving-child.ts`) then rebuilds and queries it, so the memory figure is that of a
 * process serving a ledger of that size, not of the generator that made it up. The compile
 * section then runs in this process on a ledger of its own (measure-compile.ts); the http section
 * starts the real server as a child process on a store of its own and loads it over loopback
 * (measure-http.ts). `--only` picks sections.
 */
async function runBench(options: BenchOptions, store: BenchStore): Promise<Omit<BenchReport, 'store' | 'storeKind' | 'temporary'>> {
  const storeUrl = store.url;
  // Random per run, so a run on a store given with --store never collides with earlier runs' ids.
  const tag = randomBytes(3).toString('hex');
  const thisYear = Number(chinaDateOf(new Date()).slice(0, 4));
  const random = seededRandom(20_210_701);
  const memoryAfterStage: BenchReport['memoryAfterStage'] = {};
  const stageDone = (stage: string) => {
    memoryAfterStage[stage] = { peakRssMb: peakRssMb(), now: residentBreakdown() };
  };
  const figures: Figure[] = [];
  const loadAtStart = loadavg()[0];

  // A section that fails is reported with its error, and the figures of the others still print.
  const failures: BenchReport['failures'] = [];
  const attempt = async (section: BenchSection, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      failures.push({ section, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  };

  const ledgerSection = options.sections.includes('ledger');
  const plan = ledgerSection ? planSyntheticLedger(options.events, tag, thisYear) : undefined;
  if (plan) {
    await attempt('ledger', async () => {
      // The bench's own process logs commands and generates the ledger; everything it measures after
      // that runs in a fresh process serving the filled store (see measure-serving.ts).
      const app: BenchApp = await bootBenchApp(storeUrl);
      try {
        figures.push(await measureCommandLog(app, options.logCommands, tag, thisYear - 1, store.kind));
        stageDone('log');
        // The event store alone, as the port's bulk append: the ledger's own store would also fold
        // each batch into the read model inside the transaction (the rebuild figure measures that work).
        const eventsOnly = await openEventStore(storeUrl);
        try {
          const filled = await fillStore(eventsOnly, plan, random);
          figures.push(...filled.figures);
        } finally {
          await eventsOnly.close();
        }
        stageDone('generate');
      } finally {
        await app.close();
      }

      const serving = await measureServing({ storeUrl, events: options.events, tag, thisYear, tallyQueries: options.tallyQueries, seed: SERVING_SEED });
      figures.push(...serving.figures);
      for (const [stage, memory] of Object.entries(serving.memoryAfterStage)) memoryAfterStage[`serving: ${stage}`] = memory;
      figures.push({
        id: 'peakRss',
        label: 'peak RSS serving the ledger (maxRSS)',
        value: serving.peakRssMb,
        unit: 'MB',
        target: TARGETS.peakRss,
        detail: `process.resourceUsage().maxRSS of a fresh process that booted the application on the filled store (${plan.totalEvents} events), ran the rebuild and the tally queries`,
      });
      figures.push({
        id: 'generatorPeakRss',
        label: 'peak RSS of the bench itself (maxRSS)',
        value: peakRssMb(),
        unit: 'MB',
        detail: 'the bench process: Nest context, log commands, synthetic generator and appends (not a ledger serving anyone; no target)',
      });
    });
  }
  // After the ledger's memory figures, so its own ledger and documents are not counted in them.
  let compileLedger: BenchReport['compileLedger'];
  if (options.sections.includes('compile')) {
    await attempt('compile', async () => {
      const compiled = await measureCompile(thisYear, store);
      figures.push(...compiled.figures);
      compileLedger = { ...compiled.ledger, seedSeconds: compiled.seedSeconds };
      stageDone('compile');
    });
  }
  let httpLedger: BenchReport['httpLedger'];
  if (options.sections.includes('http')) {
    await attempt('http', async () => {
      const http = await measureHttp({ clients: options.httpClients, seconds: options.httpSeconds, cpuProfileDir: options.httpCpuProfileDir }, thisYear - 1, store);
      figures.push(...http.figures);
      httpLedger = http.ledger;
    });
  }
  if (options.sections.includes('import')) {
    await attempt('import', async () => {
      figures.push((await measureImport(IMPORT_BENCH_ROWS, store)).figure);
    });
  }
  // Last, so its scratch files and reads do not disturb the figures above.
  let rawCeilings: RawCeilings | undefined;
  if (options.raw && ledgerSection) {
    await attempt('ledger', async () => {
      rawCeilings = store.kind === 'postgres' ? await measureRawPgCeilings(storeUrl) : measureRawCeilings(sqliteFilePath(storeUrl));
    });
  }
  const cpu = cpus();
  return {
    node: process.version,
    cpus: `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}`,
    sections: options.sections,
    events: plan?.totalEvents ?? 0,
    orgs: plan?.orgs.length ?? 0,
    members: plan?.members ?? 0,
    compileLedger,
    httpLedger,
    loadAverage: { start: loadAtStart, end: loadavg()[0] },
    figures: figures.map((figure) => judge(forStore(figure, store.kind))),
    memoryAfterStage,
    rawCeilings,
    failures,
  };
}

async function main(argv: readonly string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${BENCH_USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${BENCH_USAGE}\n`);
    return 0;
  }
  let store: BenchStore;
  try {
    store = benchStore(options.store);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const interrupted = () => {
    // The run's own PostgreSQL schema is dropped even when the run is cut short.
    void store.dispose().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  // `npm run bench | head` closes stdout early: that is not a failure of the bench.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  let code: number;
  try {
    const report: BenchReport = { store: store.displayUrl, storeKind: store.kind, temporary: store.temporary, ...(await runBench(options, store)) };
    const write = (line: string) => process.stdout.write(`${line}\n`);
    if (options.json) printJson(report, write);
    else printText(report, write);
    for (const failure of report.failures) process.stderr.write(`bench: the ${failure.section} section failed: ${failure.error}\n`);
    code = report.failures.length > 0 ? 1 : 0;
  } catch (error) {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    code = 1;
  }
  try {
    await store.dispose();
  } catch (error) {
    process.stderr.write(`bench: could not delete its store ${store.displayUrl}: ${error instanceof Error ? error.message : String(error)}\n`);
    code = 1;
  }
  return code;
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
