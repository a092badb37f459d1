/**
 * The parts of the bench: `ledger` = log, bulk append, rebuild, tally and memory over the synthetic
 * ledger (minutes at 1M events); `compile` = year-end report compilation and rendering (seconds);
 * `http` = the real server logging activities for concurrent clients over loopback (seconds).
 */
export const BENCH_SECTIONS = ['ledger', 'compile', 'http', 'import'] as const;
export type BenchSection = (typeof BENCH_SECTIONS)[number];

/** What one `npm run bench` run measures, from its command line. */
export interface BenchOptions {
  /** Sections to run, in the order above; all by default. */
  sections: readonly BenchSection[];
  /** Store URL (`sqlite:` or `postgres://`, see bench-store.ts); undefined = a temporary `sqlite:` file, deleted afterwards. */
  store: string | undefined;
  /** Events generated for the rebuild (and bulk-append) figures. */
  events: number;
  /** `LogActivityCommand`s executed one by one through the CommandBus. */
  logCommands: number;
  /** Tally queries timed after the rebuild (after a warm-up of a tenth as many). */
  tallyQueries: number;
  /** Concurrent HTTP clients of the http section. */
  httpClients: number;
  /** Measured seconds of the http section (after its warm-up). */
  httpSeconds: number;
  /** Directory for a CPU profile of the http section's server process; undefined = none. */
  httpCpuProfileDir: string | undefined;
  json: boolean;
  /** Also measure the raw driver ceilings (better-sqlite3 or pg) on this machine. */
  raw: boolean;
  help: boolean;
}

export const DEFAULT_BENCH_OPTIONS: BenchOptions = {
  sections: BENCH_SECTIONS,
  store: undefined,
  events: 1_000_000,
  logCommands: 3_000,
  tallyQueries: 2_000,
  httpClients: 50,
  httpSeconds: 10,
  httpCpuProfileDir: undefined,
  json: false,
  raw: false,
  help: false,
};

/** Below this the org/member set-up would crowd out the activities the figures are about. */
export const MIN_EVENTS = 1_000;

export const BENCH_USAGE = `usage: npm run bench -- [--only SECTIONS] [--store URL] [--events N] [--log N] [--queries N] [--raw]
                        [--http-clients N] [--http-seconds N] [--http-cpu-prof DIR] [--json]
  --only SECTIONS  run only these comma-separated sections (default: all): ledger (log, bulk append,
                   rebuild, tally, memory), compile (report compilation on its own temporary store),
                   http (the server process logging activities over loopback, on its own temporary store),
                   import (a generated 100,000-row xlsx 台账 imported into a store of its own)
  --store URL      store to fill: sqlite:<file> (kept), or postgres://user:password@host:5432/database
                   (the run works in a fresh schema bench_<random> there and drops it at the end; compile
                   and http then use fresh schemas of their own too). Default: a temporary sqlite: file
  --events N       events generated for the rebuild figures (default 1,000,000; at least ${MIN_EVENTS})
  --log N          LogActivityCommands executed through the CommandBus (default 3,000)
  --queries N      TallyQuery executions timed after the rebuild (default 2,000)
  --http-clients N concurrent signed-in HTTP clients (default 50)
  --http-seconds N measured seconds of HTTP load, after a 2 s warm-up (default 10)
  --http-cpu-prof DIR  write a V8 CPU profile of the HTTP server process into DIR
  --raw            also measure the raw driver ceilings (better-sqlite3, or pg for PostgreSQL) on this
                   machine (about 20 s more; ledger section)
  --json           print the figures as JSON on stdout`;

/** Accepts 1000000, 1_000_000, 1,000,000 and 1e6. */
function parseCount(flag: string, text: string | undefined, min: number): number {
  const value = Number((text ?? '').replace(/[_,]/g, ''));
  if (text === undefined || !Number.isInteger(value) || value < min) {
    throw new Error(`${flag} needs a whole number ≥ ${min}, got ${text ?? 'nothing'}`);
  }
  return value;
}

function parseSections(text: string | undefined): BenchSection[] {
  const names = (text ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');
  const unknown = names.filter((name) => !(BENCH_SECTIONS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`--only needs sections among ${BENCH_SECTIONS.join(', ')}, got ${text ?? 'nothing'}`);
  }
  return BENCH_SECTIONS.filter((section) => names.includes(section));
}

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { ...DEFAULT_BENCH_OPTIONS };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--store': {
        const url = value();
        if (!url) throw new Error('--store needs a URL, e.g. sqlite:/tmp/bench.db');
        options.store = url;
        break;
      }
      case '--events':
        options.events = parseCount(flag, value(), MIN_EVENTS);
        break;
      case '--log':
        options.logCommands = parseCount(flag, value(), 1);
        break;
      case '--queries':
        options.tallyQueries = parseCount(flag, value(), 1);
        break;
      case '--http-clients':
        options.httpClients = parseCount(flag, value(), 1);
        break;
      case '--http-seconds':
        options.httpSeconds = parseCount(flag, value(), 1);
        break;
      case '--http-cpu-prof': {
        const dir = value();
        if (!dir) throw new Error('--http-cpu-prof needs a directory');
        options.httpCpuProfileDir = dir;
        break;
      }
      case '--only':
        options.sections = parseSections(value());
        break;
      case '--json':
        options.json = true;
        break;
      case '--raw':
        options.raw = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return options;
}
