import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DemoJson, TallyJson, VerifyJson } from '../helpers/cli-json';
import { lastYear } from '../helpers/dates';
import { cliOn, expectExit, runCli } from '../helpers/run-cli';
import { countEvents } from '../helpers/store-file';
import { createTempStore, TempStore } from '../helpers/temp-store';

/**
 * Issue 5 §3: `taizhang migrate --from URL --to URL [--verify]` copies a ledger to another store
 * with ids, versions, recording times and hashes unchanged; the copy verifies and tallies the same.
 */
interface MigrateJson {
  ok: boolean;
  copied: number;
  skipped: number;
  streams: number;
  verify?: { ok: boolean; chains: { ok: boolean; events: number }; heads: { equal: boolean }; tallies: { compared: number } };
}

const Y = lastYear();
const stores: TempStore[] = [];
function freshStore(label: string): TempStore {
  const s = createTempStore(label);
  stores.push(s);
  return s;
}

const source = freshStore('migrate-a');
const tzA = cliOn(source.url);
let demoOrgs: string[];

beforeAll(async () => {
  const demo = await tzA.ok<DemoJson & { compliance: { org: string }[] }>(['demo', '--year', String(Y), '--json']);
  expect(demo.json.verify.ok).toBe(true);
  demoOrgs = ['demo-jgdw', ...demo.json.compliance.map((c) => c.org)];
  expect(demoOrgs.length).toBeGreaterThan(2);
});

afterAll(() => stores.forEach((s) => s.remove()));

const migrate = (from: string, to: string, ...extra: string[]) => runCli<MigrateJson>(['migrate', '--from', from, '--to', to, ...extra]);

/**
 * The year's tallies as `tally --json` prints them: the committee rolled up and alone, and two
 * branches (the library test compares every org × year; here each process costs a Node start).
 */
async function talliesOf(store: string): Promise<TallyJson[]> {
  const asked: string[][] = [[demoOrgs[0], '--rollup'], [demoOrgs[0]], [demoOrgs[1]], [demoOrgs[2]]];
  const out: TallyJson[] = [];
  for (const [org, ...flags] of asked) out.push((await cliOn(store).ok<TallyJson>(['tally', '--org', org, '--year', String(Y), '--json', ...flags])).json);
  return out;
}

let sourceTallies: Promise<TallyJson[]> | undefined;
const talliesOfSource = () => (sourceTallies ??= talliesOf(source.url));

describe('taizhang migrate', () => {
  const target = freshStore('migrate-b');

  it('copies the demo ledger to another SQLite store and verifies it (exit 0, Chinese summary)', async () => {
    const events = countEvents(source.file);
    const r = expectExit(await migrate(source.url, target.url, '--verify', '--json'), 0);
    expect(r.json).toMatchObject({ ok: true, copied: events, skipped: 0, verify: { ok: true, chains: { ok: true, events }, heads: { equal: true } } });
    expect(r.json.verify?.tallies.compared).toBeGreaterThan(0);
    expect(countEvents(target.file)).toBe(events);

    const again = expectExit(await migrate(source.url, target.url, '--verify'), 0);
    expect(again.stdout).toContain(`已复制 0 条事件，跳过 ${events} 条（已在目标中），${r.json.streams} 个事件流`);
    expect(again.stdout).toContain('校验：哈希链完整，统计一致');
  });

  it('leaves a target that `taizhang verify` passes and that tallies exactly like the source', async () => {
    const verified = await cliOn(target.url).ok<VerifyJson>(['verify', '--json']);
    expect(verified.json).toMatchObject({ ok: true, events: countEvents(source.file) });
    const before = await talliesOfSource();
    expect(before.filter((t) => t.metrics.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(await talliesOf(target.url)).toEqual(before);
    // The history shows the same hashes and recording times on both sides.
    const history = (store: string) => cliOn(store).ok<{ events: unknown[] }>(['history', '--org', 'demo-b1', '--json']);
    expect((await history(target.url)).json).toEqual((await history(source.url)).json);
  });

  it('refuses URLs it cannot use with exit 2, creating nothing', async () => {
    const nowhere = freshStore('migrate-nowhere');
    expect((await migrate('mysql://host/db', nowhere.url)).code).toBe(2);
    expect((await migrate(source.url, 'not a url')).code).toBe(2);
    const same = await migrate(source.url, `sqlite:${source.dir}/../${source.dir.split('/').pop()}/t.db`, '--json');
    expect(same.code).toBe(2);
    expect(same.errorJson?.message).toContain('同一个存储');
    const missing = await migrate(`sqlite:${nowhere.dir}/missing.db`, nowhere.url);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('源存储文件不存在');
    expect(existsSync(nowhere.file)).toBe(false);
    expect(existsSync(`${nowhere.dir}/missing.db`)).toBe(false);
    expect((await runCli(['migrate', '--from', source.url])).code).toBe(2);
  });

  it('refuses, with exit 4 naming the stream, a target that holds another ledger', async () => {
    const other = freshStore('migrate-other');
    await cliOn(other.url).ok(['org', 'add', '--id', 'x1', '--name', '别处的支部', '--kind', 'branch']);
    const before = countEvents(other.file);
    const r = await migrate(source.url, other.url, '--json');
    expect(r.code).toBe(4);
    expect(r.errorJson).toMatchObject({ ok: false, error: 'integrity', kind: 'target-has-extra-events', stream: 'org-x1' });
    expect(countEvents(other.file)).toBe(before);
  });
});

const pg = process.env.TAIZHANG_TEST_PG;
if (!pg) process.stderr.write('\n⚠ migrate e2e through PostgreSQL SKIPPED: TAIZHANG_TEST_PG is not set\n\n');

(pg ? describe : describe.skip)('taizhang migrate through PostgreSQL', () => {
  const schema = `migrate_e2e_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const pgUrl = `${pg}${pg?.includes('?') ? '&' : '?'}schema=${schema}`;

  afterAll(async () => {
    const client = new Client({ connectionString: pg?.split('?')[0] });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
  });

  it('SQLite → PostgreSQL → SQLite keeps every event and every tally', async () => {
    const events = countEvents(source.file);
    const there = expectExit(await migrate(source.url, pgUrl, '--verify', '--json'), 0);
    expect(there.json).toMatchObject({ ok: true, copied: events, verify: { ok: true } });
    const back = freshStore('migrate-back');
    const r = expectExit(await migrate(pgUrl, back.url, '--verify', '--json'), 0);
    expect(r.json).toMatchObject({ ok: true, copied: events, verify: { ok: true, heads: { equal: true } } });
    expect((await cliOn(back.url).ok<VerifyJson>(['verify', '--json'])).json.ok).toBe(true);
    expect(await talliesOf(back.url)).toEqual(await talliesOfSource());
  });
});
