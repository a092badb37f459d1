import { LogJson } from '../helpers/cli-json';
import { addDays, chinaToday, lastYear } from '../helpers/dates';
import { cliOn } from '../helpers/run-cli';
import { describeOnStores } from '../helpers/e2e-stores';

/**
 * Whatever the CLI refuses, it refuses with exit 2, a Chinese message naming the field (and the
 * English `error: <field>` line), and nothing appended to the store.
 */
const Y = lastYear();
describeOnStores('refused input', (kind) => {
  const store = kind.create('refusals');
  const tz = cliOn(store.url);

  beforeAll(async () => {
    await tz.ok(['org', 'add', '--id', 'c1', '--name', '机关党委', '--kind', 'committee']);
    await tz.ok(['org', 'add', '--id', 'b1', '--name', '第一党支部', '--kind', 'branch', '--parent', 'c1']);
    await tz.ok(['org', 'add', '--id', 'b2', '--name', '第二党支部', '--kind', 'branch', '--parent', 'c1']);
    await tz.ok(['member', 'add', '--id', 'm1', '--name', '张三', '--org', 'b1', '--since', '2018-01-01']);
    await tz.ok(['member', 'add', '--id', 'late', '--name', '年中入党', '--org', 'b1', '--since', `${Y}-06-15`]);
    await tz.ok(['member', 'add', '--id', 'mover', '--name', '调走的', '--org', 'b1', '--since', '2018-01-01']);
    await tz.ok(['member', 'transfer', '--id', 'mover', '--to', 'b2', '--on', `${Y}-09-01`]);
  });

  afterAll(() => store.remove());

  const lecture = (extra: string[], date = `${Y}-10-10`) => ['log', '--org', 'b1', '--date', date, '--kind', '党课', ...extra];

  describe('refused input appends nothing', () => {
    const cases: { name: string; args: () => string[]; field: string; zh: RegExp }[] = [
      { name: 'unknown org', args: () => ['log', '--org', 'no-such-org', '--date', `${Y}-03-01`, '--kind', '党课'], field: 'orgId', zh: /不存在/ },
      { name: 'unknown kind', args: () => lecture([]).map((a) => (a === '党课' ? '广场舞' : a)), field: 'kinds', zh: /未知的活动类型/ },
      {
        name: 'a kind the org type cannot hold',
        args: () => ['log', '--org', 'b1', '--date', `${Y}-03-01`, '--kind', 'democratic-life-meeting'],
        field: 'kinds',
        zh: /民主生活会/,
      },
      { name: 'an impossible date', args: () => lecture([], '2021-02-30'), field: 'date', zh: /日期/ },
      { name: 'a future date', args: () => lecture([], addDays(chinaToday(), 2)), field: 'date', zh: /晚于今天/ },
      { name: 'an attendee before joining', args: () => lecture(['--attendees', 'm1,late'], `${Y}-03-01`), field: 'attendees', zh: /不是本组织党员/ },
      { name: 'an attendee after transferring out', args: () => lecture(['--attendees', 'mover']), field: 'attendees', zh: /不是本组织党员/ },
      { name: 'an unknown attendee', args: () => lecture(['--attendees', 'nobody']), field: 'attendees', zh: /nobody/ },
      { name: 'a negative headcount', args: () => lecture(['--headcount', '-1']), field: 'headcount', zh: /负数/ },
      { name: 'a fractional headcount', args: () => lecture(['--headcount', '2.5']), field: 'headcount', zh: /整数/ },
      { name: 'a qualifier of another kind', args: () => lecture(['--qualifier', '提醒谈话']), field: 'qualifier', zh: /提醒谈话/ },
      {
        name: 'a qualifier on a kind without qualifiers',
        args: () => ['log', '--org', 'b1', '--date', `${Y}-03-01`, '--kind', '主题党日', '--qualifier', '支部书记'],
        field: 'qualifier',
        zh: /不适用/,
      },
    ];

    it.each(cases)('refuses $name (exit 2, field named in Chinese and English)', async ({ args, field, zh }) => {
      const before = await store.countEvents();
      const r = await tz.run(args());
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(zh);
      expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
      expect(r.stderr).toContain(`error: ${field}`);
      expect(await store.countEvents()).toBe(before);
    });

    it('prints refusals as JSON on stderr with --json', async () => {
      const before = await store.countEvents();
      const r = await tz.run(lecture(['--headcount', '-1', '--json']));
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.errorJson).toMatchObject({ ok: false, error: 'invalid-input' });
      expect(r.errorJson?.issues).toEqual([expect.objectContaining({ field: 'headcount', message: expect.stringMatching(/负数/) })]);
      expect(await store.countEvents()).toBe(before);
    });

    it('treats an unknown option or a missing required option as invalid input (exit 2)', async () => {
      const before = await store.countEvents();
      const unknown = await tz.run(lecture(['--colour', 'red']));
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('--colour');
      expect(unknown.stderr).toMatch(/用法/);

      const missing = await tz.run(['log', '--date', `${Y}-03-01`, '--kind', '党课']);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('--org');

      const missingJson = await tz.run(['tally', '--org', 'b1', '--json']);
      expect(missingJson.code).toBe(2);
      expect(missingJson.errorJson).toMatchObject({ ok: false, error: 'invalid-input' });
      expect(await store.countEvents()).toBe(before);
    });
  });

  describe('idempotent logging with --id', () => {
    it('logs an activity once however often the same request is sent, and refuses other content under the id', async () => {
      const args = ['log', '--org', 'b1', '--date', `${Y}-04-02`, '--kind', '主题党日', '--attendees', 'm1', '--id', 'retry-1', '--json'];
      const before = await store.countEvents();
      const first = await tz.ok<LogJson>(args);
      const second = await tz.ok<LogJson>(args);
      expect(first.json).toEqual({ id: 'retry-1', alreadyLogged: false });
      expect(second.json).toEqual({ id: 'retry-1', alreadyLogged: true });
      expect(await store.countEvents()).toBe(before + 1);

      const different = await tz.run(args.map((a) => (a === `${Y}-04-02` ? `${Y}-04-03` : a)));
      expect(different.code).toBe(2);
      expect(different.errorJson?.issues?.[0].field).toBe('activityId');
      expect(await store.countEvents()).toBe(before + 1);
    });
  });
});
