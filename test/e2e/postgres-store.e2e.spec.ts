import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TallyJson, VerifyJson } from '../helpers/cli-json';
import { lastYear } from '../helpers/dates';
import { describeWithPostgres, dropSchema, uniqueSchemaName, withClient } from '../helpers/postgres-test-database';
import { cliOn, expectExit, runCli } from '../helpers/run-cli';

/**
 * The CLI on PostgreSQL: `init` runs the versioned migrations, the read models live in the same
 * database (or in a SQLite file given by --read-store), rebuild and verify work there as on
 * SQLite, and a password in the URL is never printed.
 */
const Y = lastYear();
const PASSWORD_MARK = ':taizhang@';

describeWithPostgres('the ledger on PostgreSQL, from the command line', (baseUrl) => {
  const schema = uniqueSchemaName();
  const url = `${baseUrl}${baseUrl.includes('?') ? '&' : '?'}schema=${schema}`;
  const tz = cliOn(url);
  const tallyArgs = (org: string, ...extra: string[]) => ['tally', '--org', org, '--year', String(Y), '--json', ...extra];
  const tableNames = () =>
    withClient(baseUrl, async (c) => (await c.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema])).rows.map((r) => r.table_name));

  afterAll(() => dropSchema(baseUrl, schema));

  it('creates the schema with its migrations on init, and a second init changes nothing', async () => {
    const first = await tz.ok<{ ok: boolean; store: string; events: string }>(['init', '--json']);
    expect(first.json).toMatchObject({ ok: true, events: '0' });
    // The password is masked wherever the store is named.
    expect(first.stdout).not.toContain(PASSWORD_MARK);
    expect(first.json.store).toContain('***');
    expect(await tableNames()).toEqual(expect.arrayContaining(['events', 'taizhang_migrations', 'rm_checkpoint', 'rm_activity', 'rm_org']));
    const migrations = await withClient(baseUrl, async (c) => (await c.query(`SELECT count(*)::int AS n FROM "${schema}".taizhang_migrations`)).rows[0].n as number);
    expect(migrations).toBeGreaterThan(0);

    const second = await tz.ok<{ ok: boolean; events: string }>(['init', '--json']);
    expect(second.json).toMatchObject({ ok: true, events: '0' });
    expect(await withClient(baseUrl, async (c) => (await c.query(`SELECT count(*)::int AS n FROM "${schema}".taizhang_migrations`)).rows[0].n as number)).toBe(migrations);
    const plain = await tz.ok(['init']);
    expect(plain.stdout).toContain('台账已就绪');
    expect(plain.stdout).not.toContain(PASSWORD_MARK);
  });

  it('logs, tallies, rebuilds to the same figures and verifies the chains', async () => {
    await tz.ok(['org', 'add', '--id', 'c1', '--name', '机关党委', '--kind', 'committee']);
    await tz.ok(['org', 'add', '--id', 'b1', '--name', '第一党支部', '--kind', 'branch', '--parent', 'c1']);
    await tz.ok(['member', 'add', '--id', 'm1', '--name', '张三', '--org', 'b1', '--since', '2019-01-01']);
    await tz.ok(['member', 'add', '--id', 'm2', '--name', '李四', '--org', 'b1', '--since', '2019-01-01']);
    await tz.ok(['log', '--org', 'b1', '--date', `${Y}-03-01`, '--kind', '支部党员大会,党课', '--attendees', 'm1,m2', '--hours', '2', '--id', 'a1']);
    await tz.ok(['log', '--org', 'b1', '--date', `${Y}-04-08`, '--kind', '主题党日', '--headcount', '12']);
    await tz.ok(['correct', 'a1', '--reason', '学时登记有误', '--hours', '3']);

    const before = (await tz.ok<TallyJson>(tallyArgs('c1', '--rollup'))).json;
    const lecture = before.metrics.find((m) => m.kind === 'party-lecture' && m.measure === 'hours' && m.qualifier === null);
    expect(lecture?.value).toBe(3);

    // Empty the read model behind the CLI's back: rebuild must bring back the same figures.
    await withClient(baseUrl, (c) => c.query(`TRUNCATE "${schema}".rm_activity, "${schema}".rm_org, "${schema}".rm_member`));
    const rebuilt = await tz.ok<{ ok: boolean; events: number }>(['rebuild', '--json']);
    expect(rebuilt.json).toMatchObject({ ok: true, events: 7 });
    expect((await tz.ok<TallyJson>(tallyArgs('c1', '--rollup'))).json).toEqual(before);

    const verify = await tz.ok<VerifyJson>(['verify', '--json']);
    expect(verify.json).toMatchObject({ ok: true, events: 7 });
  });

  it('keeps the read models in a SQLite file when --read-store says so, with the same figures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taizhang-readstore-'));
    try {
      const readStore = `sqlite:${join(dir, 'read.db')}`;
      const viaSqlite = await tz.ok<TallyJson>(['--read-store', readStore, ...tallyArgs('c1', '--rollup')]);
      expect(viaSqlite.json).toEqual((await tz.ok<TallyJson>(tallyArgs('c1', '--rollup'))).json);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds an event edited in the database and names it (exit 4)', async () => {
    await withClient(baseUrl, (c) =>
      c.query(`UPDATE "${schema}".events SET data = replace(data, '"headcount":12', '"headcount":40') WHERE stream_id = 'org-b1' AND data LIKE '%"headcount":12%'`),
    );
    const r = expectExit(await tz.run<VerifyJson>(['verify', '--json']), 4);
    expect(r.json).toMatchObject({ ok: false, stream: 'org-b1' });
  });

  it('refuses an EventStoreDB store without a read-model store, naming the option, without printing the password', async () => {
    const r = await runCli(['init'], { store: 'esdb://admin:secret-pw@127.0.0.1:2113?tls=false' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--read-store');
    expect(r.stderr).toContain('TAIZHANG_READ_STORE');
    expect(r.stderr).not.toContain('secret-pw');
  });

  it('refuses a separate read-model store for a SQLite ledger', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taizhang-readstore-'));
    try {
      const r = await runCli(['--read-store', url, 'init'], { store: `sqlite:${join(dir, 't.db')}` });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--read-store');
      expect(r.stderr).not.toContain(PASSWORD_MARK);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
