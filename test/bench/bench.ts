import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { chinaDateOf } from '../../libs/domain/src/civil-date';
import { sqliteFilePath } from '../../libs/event-store/src/open-event-store';
import { SqliteEventStore } from '../../libs/event-store/src/sqlite/sqlite-event-store';
import { seededRandom } from '../../libs/application/src/demo/seeded-random';
import { BenchApp, bootBenchApp } from './bench-app';
import { BENCH_USAGE, BenchOptions, parseBenchOptions } from './bench-options';
import { benchStore } from './bench-store';
import { Figure, judge, TARGETS } from './figures';
import { fillStore } from './measure-bulk-append';
import { measureCompile } from './measure-compile';
import { measureHttp } from './measure-http';
import { measureCommandLog } from './measure-log';
import { measureServing } from './measure-serving';
import { peakRssMb, residentBreakdown } from './memory';
import { BenchReport, printJson, printText } from './print-figures';
import { measureRawCeilings, RawCeilings } from './raw-ceilings';
import { planSyntheticLedger } from './synthetic-ledger';

/** Seed of the serving process's random org and year picks for the tally queries. */
const SERVING_SEED = 20_210_702;

/**
 * `npm run bench`: the performance figures for the embedded SQLite store, each printed
 * with its target and figure/target. It measures and reports; it asserts nothing (a missed
 * target is marked ✗, the exit code stays 0). Progress bars appear only when stderr is a TTY.
 *
 * Two processes: this one logs commands and fills the store with the synthetic ledger; a fresh
 * child (`serving-child.ts`) then rebuilds and queries it, so the memory figure is that of a
 * process serving a ledger of that size, not of the generator that made it up. The compile
 * section then runs in this process on a ledger of its own (measure-compile.ts); the http section
 * starts the real server as a child process on a store of its own and loads it over loopback
 * (measure-http.ts). `--only` picks sections.
 */
async function runBench(options: BenchOptions, storeUrl: string): Promise<Omit<BenchReport, 'store' | 'temporary'>> {
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

  const ledgerSection = options.sections.includes('ledger');
  const plan = ledgerSection ? planSyntheticLedger(options.events, tag, thisYear) : undefined;
  if (plan) {
    // The bench's own process logs commands and generates the ledger; everything it measures after
    // that runs in a fresh process serving the filled store (see measure-serving.ts).
    const app: BenchApp = await bootBenchApp(storeUrl);
    try {
      figures.push(await measureCommandLog(app, options.logCommands, tag, thisYear - 1));
      stageDone('log');
      // The event store alone, as the port's bulk append: the ledger's own store would also fold
      // each batch into the read model inside the transaction (the rebuild figure measures that work).
      const eventsOnly = new SqliteEventStore(sqliteFilePath(storeUrl));
      try {
        const filled = await fillStore(eventsOnly, plan, random);
        figures.push(filled.figure);
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
  }
  // After the ledger's memory figures, so its own ledger and documents are not counted in them.
  let compileLedger: BenchReport['compileLedger'];
  if (options.sections.includes('compile')) {
    const compiled = await measureCompile(thisYear);
    figures.push(...compiled.figures);
    compileLedger = { ...compiled.ledger, seedSeconds: compiled.seedSeconds };
    stageDone('compile');
  }
  let httpLedger: BenchReport['httpLedger'];
  if (options.sections.includes('http')) {
    const http = await measureHttp({ clients: options.httpClients, seconds: options.httpSeconds, cpuProfileDir: options.httpCpuProfileDir }, thisYear - 1);
    figures.push(...http.figures);
    httpLedger = http.ledger;
  }
  // Last, so its scratch files and reads do not disturb the figures above.
  const rawCeilings: RawCeilings | undefined = options.raw && ledgerSection ? measureRawCeilings(sqliteFilePath(storeUrl)) : undefined;
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
    figures: figures.map(judge),
    memoryAfterStage,
    rawCeilings,
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
  const store = benchStore(options.store);
  const interrupted = () => {
    store.dispose();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  // `npm run bench | head` closes stdout early: that is not a failure of the bench.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  try {
    const report: BenchReport = { store: store.url, temporary: store.temporary, ...(await runBench(options, store.url)) };
    const write = (line: string) => process.stdout.write(`${line}\n`);
    if (options.json) printJson(report, write);
    else printText(report, write);
    return 0;
  } catch (error) {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  } finally {
    store.dispose();
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
