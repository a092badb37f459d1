import { DemoJson, TallyJson, VerifyJson } from '../helpers/cli-json';
import { lastYear, pause } from '../helpers/dates';
import { cliOn, exitOf, spawnCli } from '../helpers/run-cli';
import { countEvents, countEventsIfAny } from '../helpers/store-file';
import { createTempStore, TempStore } from '../helpers/temp-store';

/**
 * Issue 2 §7: a process killed in the middle of a bulk write leaves a store that verifies, and
 * running the same load again completes it without duplicates. (The store's own all-or-nothing
 * batch append is tested in libs/event-store; this is the whole CLI, killed with SIGKILL.)
 */
const Y = lastYear();
/** Kill once this many events are stored: well into the demo's activities, well before its end. */
const KILL_AFTER_EVENTS = 80;
const stores: TempStore[] = [];

function freshStore(label: string): TempStore {
  const s = createTempStore(label);
  stores.push(s);
  return s;
}

afterAll(() => stores.forEach((s) => s.remove()));

async function waitForEvents(file: string, atLeast: number, isRunning: () => boolean): Promise<number> {
  for (;;) {
    const n = countEventsIfAny(file);
    if (n >= atLeast || !isRunning()) return n;
    await pause(5);
  }
}

describe('killing the CLI during a bulk write', () => {
  it('leaves a verifiable store that a second run completes to the same ledger as a clean run', async () => {
    const clean = cliOn(freshStore('clean').url);
    const cleanRun = await clean.ok<DemoJson>(['demo', '--year', String(Y), '--json']);
    const total = cleanRun.json.verify.events;
    expect(total).toBeGreaterThan(KILL_AFTER_EVENTS * 2);

    const crashed = freshStore('crashed');
    const child = spawnCli(['demo', '--year', String(Y), '--json'], { store: crashed.url });
    const ended = exitOf(child);
    let running = true;
    void ended.then(() => (running = false));
    await waitForEvents(crashed.file, KILL_AFTER_EVENTS, () => running);
    child.kill('SIGKILL');
    expect(await ended).toEqual({ code: null, signal: 'SIGKILL' });
    const stored = countEvents(crashed.file);
    expect(stored).toBeGreaterThanOrEqual(KILL_AFTER_EVENTS);
    expect(stored).toBeLessThan(total);

    const tz = cliOn(crashed.url);
    const verified = await tz.ok<VerifyJson>(['verify', '--json']);
    expect(verified.json).toMatchObject({ ok: true, events: stored });

    const resumed = await tz.ok<DemoJson>(['demo', '--year', String(Y), '--json']);
    expect(resumed.json.verify).toEqual({ ok: true, events: total });
    expect(resumed.json.loaded.skipped).toBeGreaterThan(0);
    expect(resumed.json.loaded.activities + resumed.json.loaded.skipped).toBe(cleanRun.json.loaded.activities);
    expect(countEvents(crashed.file)).toBe(total);

    const tallyArgs = ['tally', '--org', 'demo-jgdw', '--year', String(Y), '--rollup', '--json'];
    const [after, reference] = await Promise.all([tz.ok<TallyJson>(tallyArgs), clean.ok<TallyJson>(tallyArgs)]);
    expect(after.json.metrics.length).toBeGreaterThan(0);
    expect(after.json).toEqual(reference.json);
  });
});
