import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../../libs/application/src/demo/seeded-random';
import { ProgressBar } from '../../apps/cli/src/printers/progress-bar';
import { type BenchStore, type BenchStoreKind, scratchStore } from './bench-store';
import { Figure, TARGETS } from './figures';
import { activityBodyTails, setUpHttpLedger, type HttpLedgerShape } from './http-ledger';
import { runLoad, type LoadClient, type LoadOutcome } from './http-load';
import { LoopbackHttp, sessionHeaders, type ApiSession } from './loopback-http';
import { percentile } from './percentile';
import { type ServerProcess, startServerProcess } from './server-process';
import { countLoggedActivities } from './stored-activities';

/** Seed of the prepared activity bodies (kinds, dates, who attended). */
const HTTP_SEED = 20_211_101;
const SHAPE: HttpLedgerShape = { branches: 10, membersPerBranch: 8 };
/** Different bodies prepared per branch; clients cycle through them with fresh ids. */
const TAILS_PER_BRANCH = 200;
const WARM_UP_MS = 2_000;

export interface HttpBenchOptions {
  /** Concurrent clients, each with its own session and at most one request in flight. */
  clients: number;
  /** Length of the measured window, after the warm-up. */
  seconds: number;
  /** When given, the server process writes a V8 CPU profile (.cpuprofile) here as it exits. */
  cpuProfileDir?: string;
}

/** What the section set up, for the report's context line. */
export interface HttpLedgerSummary {
  branches: number;
  members: number;
  secretaries: number;
  sessions: number;
  setUpSeconds: number;
  /** Where the server wrote its CPU profile, when asked to. */
  cpuProfileDir?: string;
}

/** The counts behind the figures. */
export interface HttpCounts {
  sent: number;
  /** 201 answers over the whole run. */
  acked: number;
  /** ActivityLogged events in the store after the server stopped. */
  stored: number;
  /** Answers other than 201. */
  refused: number;
  /** Requests that got no answer. */
  failed: number;
}

export interface HttpOutcome {
  figures: Figure[];
  ledger: HttpLedgerSummary;
  counts: HttpCounts;
  /** How the server process ended after SIGTERM (graceful: code 0). */
  serverExit: { code: number | null; signal: NodeJS.Signals | null };
}

/**
 * HTTP figures: the real server (`dist/apps/server/src/main.js`) as its own process on a fresh
 * store of the run's kind (a SQLite file, or a PostgreSQL schema of its own) and a loopback port,
 * `clients` secretaries signed in (one session each) POSTing
 * activities over keep-alive connections for a fixed time. Then the server is stopped with SIGTERM
 * (graceful shutdown) and the ActivityLogged events in its store are counted: every 201 must be
 * there, and nothing else. The load generator is this process, on the same cores as the server.
 */
export async function measureHttp(options: HttpBenchOptions, year: number, like?: BenchStore): Promise<HttpOutcome> {
  const store = scratchStore(like);
  // The server's request log and stderr, kept beside nothing else and deleted with the run.
  const logDir = mkdtempSync(join(tmpdir(), 'taizhang-bench-http-'));
  const cleanUp = async () => {
    rmSync(logDir, { recursive: true, force: true });
    await store.dispose();
  };
  const adminPassword = randomBytes(12).toString('base64url');
  const server = await startServerProcess({ storeUrl: store.url, adminPassword, logBase: join(logDir, 'server'), cpuProfileDir: options.cpuProfileDir }).catch(
    async (error: unknown) => {
      await cleanUp();
      throw error;
    },
  );
  const http = new LoopbackHttp(server.host, server.port, options.clients);
  try {
    return await loadServer(server, http, options, year, adminPassword, store);
  } catch (error) {
    // The server's log goes with the run: keep its last words with the failure.
    throw withServerLog(error, join(logDir, 'server'));
  } finally {
    http.close();
    server.kill();
    await cleanUp();
  }
}

async function loadServer(
  server: ServerProcess,
  http: LoopbackHttp,
  options: HttpBenchOptions,
  year: number,
  adminPassword: string,
  store: BenchStore,
): Promise<HttpOutcome> {
  const setUpStarted = performance.now();
  const admin = await http.signIn('admin', adminPassword);
  const ledger = await setUpHttpLedger(http, admin, SHAPE, year);
  // Client i is a session of the secretary of branch i mod the branch count: with more clients
  // than branches, several people log for one branch (and contend for its stream).
  const sessions: ApiSession[] = await Promise.all(
    Array.from({ length: options.clients }, (_, i) => {
      const branch = ledger.branches[i % ledger.branches.length];
      return http.signIn(branch.username, branch.password);
    }),
  );
  const random = seededRandom(HTTP_SEED);
  const tails = ledger.branches.map((branch) => activityBodyTails(random, branch, year, TAILS_PER_BRANCH));
  const clients: LoadClient[] = sessions.map((session, i) => ({
    headers: sessionHeaders(session),
    tails: tails[i % tails.length],
    idPrefix: `web-${i + 1}`,
  }));
  const setUpSeconds = (performance.now() - setUpStarted) / 1000;

  const timing = { warmUpMs: WARM_UP_MS, measureMs: options.seconds * 1000 };
  const bar = new ProgressBar(`http: ${options.clients} clients logging`);
  const total = timing.warmUpMs + timing.measureMs;
  const started = Date.now();
  const ticking = setInterval(() => bar.update(Math.min(total, Date.now() - started), total), 250);
  let load: LoadOutcome;
  try {
    load = await runLoad(http, clients, timing, server.cpuMs);
  } finally {
    clearInterval(ticking);
    bar.update(total, total);
    bar.finish();
  }
  http.close();
  const exit = await server.stop();
  const stored = await countLoggedActivities(store.url);

  const summary: HttpLedgerSummary = {
    branches: ledger.branches.length,
    members: ledger.branches.reduce((total, b) => total + b.roster.length, 0),
    secretaries: ledger.branches.length,
    sessions: sessions.length,
    setUpSeconds,
    cpuProfileDir: options.cpuProfileDir,
  };
  const counts: HttpCounts = { sent: load.sent, acked: load.acked, stored, refused: sum(load.refused), failed: sum(load.failed) };
  return { figures: httpFigures(options, load, counts, exit, store.kind), ledger: summary, counts, serverExit: exit };
}

function withServerLog(error: unknown, logBase: string): Error {
  const tail = (file: string) => {
    try {
      return readFileSync(file, 'utf8').slice(-3000);
    } catch {
      return '(none)';
    }
  };
  const base = error instanceof Error ? error : new Error(String(error));
  base.message += `\nserver stderr: ${tail(`${logBase}.err`)}\nserver stdout (tail): ${tail(`${logBase}.out`)}`;
  return base;
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function httpFigures(
  options: HttpBenchOptions,
  load: LoadOutcome,
  counts: HttpCounts,
  exit: { code: number | null; signal: NodeJS.Signals | null },
  storeKind: BenchStoreKind,
): Figure[] {
  const n = (value: number) => Math.round(value).toLocaleString('en-US');
  const ms = (value: number) => value.toFixed(1);
  const windowS = load.windowMs / 1000;
  const throughput = load.ackedInWindow / windowS;
  const { refused, failed, stored } = counts;
  const byKind = (counts: Record<string, number>) => Object.entries(counts).map(([k, v]) => `${v}× ${k}`).join(', ');
  const errors =
    refused + failed === 0
      ? 'no errors'
      : `${refused} refused (${byKind(load.refused)}; first: ${load.firstRefusal ?? '?'})${failed > 0 ? `, ${failed} without answer (${byKind(load.failed)})` : ''}`;
  const cpuShare = (cpuMs: number) => `${((cpuMs / load.windowMs) * 100).toFixed(0)}% of a core`;
  const perRequestUs = (cpuMs: number) => (load.ackedInWindow > 0 ? `${((cpuMs * 1000) / load.ackedInWindow).toFixed(0)} µs/request` : '');
  const server = load.serverCpuMs === undefined ? 'server CPU unknown' : `server process ${cpuShare(load.serverCpuMs)} (${perRequestUs(load.serverCpuMs)})`;
  const lat = load.latenciesMs;
  const mismatch = stored - load.acked;
  return [
    {
      id: 'httpLogThroughput',
      label: `HTTP: POST /api/activities, ${options.clients} clients`,
      value: throughput,
      unit: 'activities/s',
      target: TARGETS.httpLogThroughput,
      detail:
        `real server process on loopback and a fresh ${storeKind === 'postgres' ? 'PostgreSQL schema' : 'SQLite file'}; ${options.clients} signed-in clients (own sessions, keep-alive), each one request at a time; ` +
        `201 answers in a ${windowS} s window after ${WARM_UP_MS / 1000} s warm-up: ${n(load.ackedInWindow)}; ${n(load.sent)} requests sent in all, ${errors}; ` +
        `CPU in the window: ${server}, load generator (this process) ${cpuShare(load.clientCpuMs)} (${perRequestUs(load.clientCpuMs)})`,
    },
    {
      id: 'httpLogP99',
      label: 'HTTP: POST /api/activities latency p99',
      value: percentile(lat, 99),
      unit: 'ms',
      target: TARGETS.httpLogP99,
      detail:
        `send to last byte of the answer, ${n(lat.length)} requests sent in the window: p50 ${ms(percentile(lat, 50))}, p90 ${ms(percentile(lat, 90))}, ` +
        `p99 ${ms(percentile(lat, 99))}, max ${ms(Math.max(...lat))} ms (includes the load generator's own event-loop delay)`,
    },
    {
      id: 'httpLost',
      label: 'HTTP: acknowledged ≠ stored (|stored − acked|)',
      value: Math.abs(mismatch),
      unit: 'activities',
      target: TARGETS.httpLost,
      detail:
        `after SIGTERM (server exit ${exit.signal ?? `code ${exit.code}`}): ${n(stored)} ActivityLogged events in the store, ${n(load.acked)} requests acknowledged with 201 over the run ` +
        `(warm-up included); stored − acked = ${mismatch}${failed > 0 ? ` (${failed} requests got no answer: their outcome is unknown)` : ''}`,
    },
    {
      id: 'httpErrors',
      label: 'HTTP: answers other than 201, whole run',
      value: refused + failed,
      unit: 'requests',
      detail: `${errors}, of ${n(load.sent)} requests (warm-up included); no target in the issue, shown so that a refusal is never hidden behind the throughput`,
    },
  ];
}
