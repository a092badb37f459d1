import { DEFAULT_BENCH_OPTIONS, parseBenchOptions } from './bench-options';
import { forStore, judge, TARGETS } from './figures';
import { percentile } from './percentile';

describe('parseBenchOptions', () => {
  it('defaults to a temporary store and 1,000,000 events', () => {
    expect(parseBenchOptions([])).toEqual(DEFAULT_BENCH_OPTIONS);
    expect(DEFAULT_BENCH_OPTIONS).toMatchObject({ store: undefined, events: 1_000_000, json: false });
  });

  it('reads --store, --events (with separators), --json and --raw, spaced or with =', () => {
    expect(parseBenchOptions(['--store', 'sqlite:/tmp/b.db', '--events=1_000_000', '--json', '--raw', '--log', '10'])).toMatchObject({
      store: 'sqlite:/tmp/b.db',
      events: 1_000_000,
      logCommands: 10,
      json: true,
      raw: true,
    });
    expect(parseBenchOptions(['--events', '200,000']).events).toBe(200_000);
  });

  it('runs every section by default and only those named with --only, in bench order', () => {
    expect(parseBenchOptions([]).sections).toEqual(['ledger', 'compile', 'http', 'import']);
    expect(parseBenchOptions(['--only', 'compile']).sections).toEqual(['compile']);
    expect(parseBenchOptions(['--only=http,compile,ledger']).sections).toEqual(['ledger', 'compile', 'http']);
    expect(() => parseBenchOptions(['--only', 'reports'])).toThrow(/--only needs sections among ledger, compile, http, import, got reports/);
    expect(() => parseBenchOptions(['--only'])).toThrow(/--only needs sections/);
  });

  it('reads the http section\'s clients, seconds and server profile directory', () => {
    expect(parseBenchOptions([])).toMatchObject({ httpClients: 50, httpSeconds: 10, httpCpuProfileDir: undefined });
    expect(parseBenchOptions(['--http-clients', '8', '--http-seconds=3', '--http-cpu-prof', '/tmp/prof'])).toMatchObject({
      httpClients: 8,
      httpSeconds: 3,
      httpCpuProfileDir: '/tmp/prof',
    });
    expect(() => parseBenchOptions(['--http-clients', '0'])).toThrow(/--http-clients needs a whole number ≥ 1/);
    expect(() => parseBenchOptions(['--http-cpu-prof'])).toThrow(/--http-cpu-prof needs a directory/);
  });

  it('refuses unknown options and counts below the minimum', () => {
    expect(() => parseBenchOptions(['--fast'])).toThrow(/unknown option --fast/);
    expect(() => parseBenchOptions(['--events', '10'])).toThrow(/--events needs a whole number/);
    expect(() => parseBenchOptions(['--store'])).toThrow(/--store needs a URL/);
  });
});

describe('judge', () => {
  it('compares throughput from below and latency or memory from above, with figure/target', () => {
    expect(judge({ id: 'log', label: '', value: 1_500, unit: '/s', detail: '', target: { direction: 'min', value: 3_000 } })).toMatchObject({ ratio: 0.5, met: false });
    expect(judge({ id: 'tallyP99', label: '', value: 1, unit: 'ms', detail: '', target: { direction: 'max', value: 2 } })).toMatchObject({ ratio: 0.5, met: true });
    expect(judge({ id: 'tallyP50', label: '', value: 1, unit: 'ms', detail: '' }).met).toBeUndefined();
    // A target of zero (nothing lost) is met or missed, with no ratio to print.
    expect(judge({ id: 'httpLost', label: '', value: 0, unit: '', detail: '', target: { direction: 'max', value: 0 } })).toMatchObject({ met: true, ratio: undefined });
    expect(judge({ id: 'httpLost', label: '', value: 3, unit: '', detail: '', target: { direction: 'max', value: 0 } })).toMatchObject({ met: false, ratio: undefined });
  });
});

describe('forStore', () => {
  const figure = (id: 'log' | 'bulkAppend' | 'rebuild' | 'tallyP99' | 'tallyP50' | 'singleAppend') => ({ id, label: '', value: 1, unit: '', detail: '', target: TARGETS[id] });

  it('keeps the SQLite targets on SQLite, and gives PostgreSQL the targets of issue 5', () => {
    expect(forStore(figure('bulkAppend'), 'sqlite').target).toEqual({ direction: 'min', value: 40_000 });
    expect(forStore(figure('bulkAppend'), 'postgres').target).toEqual({ direction: 'min', value: 25_000 });
    expect(forStore(figure('log'), 'postgres').target).toEqual({ direction: 'min', value: 800 });
    expect(forStore(figure('singleAppend'), 'postgres').target).toEqual({ direction: 'min', value: 800 });
    expect(forStore(figure('rebuild'), 'postgres').target).toEqual({ direction: 'min', value: 100_000 });
  });

  it('leaves figures issue 5 sets nothing for as they are', () => {
    expect(forStore(figure('tallyP99'), 'postgres').target).toEqual(TARGETS.tallyP99);
    expect(forStore(figure('tallyP50'), 'postgres').target).toBeUndefined();
    expect(forStore(figure('singleAppend'), 'sqlite').target).toBeUndefined();
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});
