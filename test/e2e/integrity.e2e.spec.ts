import { TallyJson, VerifyJson } from '../helpers/cli-json';
import { lastYear } from '../helpers/dates';
import { cliOn, expectExit, runCli } from '../helpers/run-cli';
import { countEvents, deleteLastEvent, readStoredEvent, tamperEventData, wipeReadModelDocuments } from '../helpers/store-file';
import { createTempStore } from '../helpers/temp-store';

/** The hash chain catches edits made behind the ledger's back; the read model can always be rebuilt. */
const Y = lastYear();
const store = createTempStore('integrity');
const tz = cliOn(store.url);

const tallyArgs = (org: string, ...extra: string[]) => ['tally', '--org', org, '--year', String(Y), '--json', ...extra];

beforeAll(async () => {
  await tz.ok(['org', 'add', '--id', 'c1', '--name', '机关党委', '--kind', 'committee']);
  await tz.ok(['org', 'add', '--id', 'b1', '--name', '第一党支部', '--kind', 'branch', '--parent', 'c1']);
  await tz.ok(['org', 'add', '--id', 'b2', '--name', '第二党支部', '--kind', 'branch', '--parent', 'c1']);
  await tz.ok(['member', 'add', '--id', 'm1', '--name', '张三', '--org', 'b1', '--since', '2019-01-01']);
  await tz.ok(['log', '--org', 'b1', '--date', `${Y}-03-01`, '--kind', '支部党员大会,党课', '--attendees', 'm1', '--title', '原始标题', '--id', 'a1']);
  await tz.ok(['log', '--org', 'b1', '--date', `${Y}-05-01`, '--kind', '调研', '--quantity', '2', '--unit', '篇', '--headcount', '4']);
  await tz.ok(['log', '--org', 'b2', '--date', `${Y}-06-01`, '--kind', '主题党日', '--headcount', '20']);
});

afterAll(() => store.remove());

describe('rebuild', () => {
  it('replays the store into identical tallies after the read model is emptied', async () => {
    const branch = (await tz.ok<TallyJson>(tallyArgs('b1'))).json;
    const rolled = (await tz.ok<TallyJson>(tallyArgs('c1', '--rollup'))).json;
    expect(branch.metrics.length).toBeGreaterThan(0);

    expect(wipeReadModelDocuments(store.file)).toEqual(expect.arrayContaining(['rm_activity', 'rm_org']));
    const rebuilt = await tz.ok<{ ok: boolean; events: number }>(['rebuild', '--json']);
    expect(rebuilt.json).toMatchObject({ ok: true, events: countEvents(store.file) });

    expect((await tz.ok<TallyJson>(tallyArgs('b1'))).json).toEqual(branch);
    expect((await tz.ok<TallyJson>(tallyArgs('c1', '--rollup'))).json).toEqual(rolled);
  });
});

describe('verify', () => {
  it('passes an untouched store, in JSON and in Chinese', async () => {
    const r = await tz.ok<VerifyJson>(['verify', '--json']);
    expect(r.json).toMatchObject({ ok: true, streams: 3, events: countEvents(store.file) });
    // Without --store the CLI finds the store through TAIZHANG_STORE.
    const human = expectExit(await runCli(['verify'], { env: { TAIZHANG_STORE: store.url } }), 0);
    expect(human.stdout).toContain('校验通过');
    expect(human.stdout).toContain(String(countEvents(store.file)));
  });

  it('fails with exit 4 naming exactly the event edited in the database file', async () => {
    const victim = readStoredEvent(store.file, 'org-b1', 3);
    expect(victim.type).toBe('ActivityLogged');
    tamperEventData(store.file, 'org-b1', 3, { ...victim.data, title: '事后篡改的标题' });

    const all = await tz.run<VerifyJson>(['verify', '--json']);
    expect(all.code).toBe(4);
    expect(all.json).toMatchObject({ ok: false, stream: 'org-b1', version: 3, eventId: victim.eventId });

    const scoped = await tz.run<VerifyJson>(['verify', '--org', 'b1', '--json']);
    expect(scoped.code).toBe(4);
    expect(scoped.json).toMatchObject({ ok: false, stream: 'org-b1', version: 3 });

    // Other organisations' chains are intact and say so.
    const other = await tz.run<VerifyJson>(['verify', '--org', 'b2', '--json']);
    expect(other.code).toBe(0);
    expect(other.json).toMatchObject({ ok: true });

    const human = await tz.run(['verify']);
    expect(human.code).toBe(4);
    expect(human.stdout).toContain('校验失败');
    expect(human.stdout).toContain('org-b1');
  });

  it('fails with exit 4 when the newest events of a stream were deleted (no chain link can show that)', async () => {
    const cut = deleteLastEvent(store.file, 'org-b2');
    const scoped = await tz.run<VerifyJson>(['verify', '--org', 'b2', '--json']);
    expect(scoped.code).toBe(4);
    expect(scoped.json).toMatchObject({ ok: false, stream: 'org-b2', version: cut, reason: 'missing-events' });
    const human = await tz.run(['verify', '--org', 'b2']);
    expect(human.stdout).toContain('末尾的记录缺失');
  });
});
