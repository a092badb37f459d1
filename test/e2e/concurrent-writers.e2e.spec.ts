import { HistoryJson, ListJson, VerifyJson } from '../helpers/cli-json';
import { lastYear } from '../helpers/dates';
import { cliOn } from '../helpers/run-cli';
import { describeOnStores } from '../helpers/e2e-stores';

/**
 * Issue 2 §7: two processes logging to one organisation at the same moment lose nothing. Each
 * lane is a real process after another; the lanes run side by side, so their appends to the one
 * stream race for the same expected version and the losers must retry, not drop or duplicate.
 */
const Y = lastYear();
const LANES = 2;
const LOGS_PER_LANE = 15;
describeOnStores('concurrent writers on one organisation', (kind) => {
  const store = kind.create('concurrent');
  const tz = cliOn(store.url);

  afterAll(() => store.remove());

  async function lane(laneNo: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < LOGS_PER_LANE; i++) {
      const month = String((i % 12) + 1).padStart(2, '0');
      const r = await tz.run(['log', '--org', 'b1', '--date', `${Y}-${month}-1${laneNo}`, '--kind', '主题党日', '--headcount', String(10 + i)]);
      if (r.code !== 0) throw new Error(`lane ${laneNo} log ${i}: exit ${r.code}\n${r.stderr}`);
      ids.push(r.stdout.trim());
    }
    return ids;
  }

  it('keeps every activity logged by racing processes, with an intact chain', async () => {
    await tz.ok(['org', 'add', '--id', 'b1', '--name', '并发支部', '--kind', 'branch']);

    const printed = (await Promise.all(Array.from({ length: LANES }, (_, n) => lane(n + 1)))).flat();
    expect(printed).toHaveLength(LANES * LOGS_PER_LANE);
    expect(new Set(printed).size).toBe(printed.length);

    const list = await tz.ok<ListJson>(['list', '--org', 'b1', '--year', String(Y), '--json']);
    expect(list.json.activities.map((a) => a.id).sort()).toEqual([...printed].sort());

    const expectedEvents = 1 + LANES * LOGS_PER_LANE;
    expect(await store.countEvents()).toBe(expectedEvents);
    const history = await tz.ok<HistoryJson>(['history', '--org', 'b1', '--json']);
    expect(history.json.events.map((e) => e.streamVersion)).toEqual(Array.from({ length: expectedEvents }, (_, i) => i + 1));

    const verify = await tz.ok<VerifyJson>(['verify', '--json']);
    expect(verify.json).toMatchObject({ ok: true, events: expectedEvents });
  });
});
