import { ComplianceJson, kindFigures, ListJson, LogJson, metricValue, TallyJson } from '../helpers/cli-json';
import { lastYear } from '../helpers/dates';
import { cliOn } from '../helpers/run-cli';
import { describeOnStores } from '../helpers/e2e-stores';

/**
 * A branch secretary keeps last year's ledger from the command line: organisations, roster,
 * a year of activities, then the tally, the roll-up, corrections and the compliance board.
 * The tests run in file order, as the year does.
 */
const Y = lastYear();
describeOnStores('a secretary’s year on the command line', (kind) => {
  const store = kind.create('year');
  const tz = cliOn(store.url);
  const ids: Record<string, string> = {};

  async function logActivity(name: string, args: string[]): Promise<void> {
    const r = await tz.ok<LogJson>(['log', '--json', ...args]);
    expect(r.json.alreadyLogged).toBe(false);
    ids[name] = r.json.id;
  }

  async function tally(org: string, ...extra: string[]): Promise<TallyJson> {
    const r = await tz.ok<TallyJson>(['tally', '--org', org, '--year', String(Y), '--json', ...extra]);
    return r.json;
  }

  beforeAll(async () => {
    const init = await tz.ok<{ ok: boolean; events: string }>(['init', '--json']);
    expect(init.json).toMatchObject({ ok: true, events: '0' });

    await tz.ok(['org', 'add', '--id', 'c1', '--name', '示范机关党委', '--kind', 'committee']);
    await tz.ok(['org', 'add', '--id', 'b1', '--name', '第一党支部', '--kind', 'branch', '--parent', 'c1']);
    await tz.ok(['org', 'add', '--id', 'g1', '--name', '第一党小组', '--kind', 'group', '--parent', 'b1']);
    await tz.ok(['org', 'add', '--id', 'g2', '--name', '第二党小组', '--kind', '党小组', '--parent', 'b1']);

    await tz.ok(['member', 'add', '--id', 'm1', '--name', '张三', '--org', 'g1', '--since', '2018-03-01']);
    await tz.ok(['member', 'add', '--id', 'm2', '--name', '李四', '--org', 'g2', '--since', '2018-03-01']);
    await tz.ok(['member', 'add', '--id', 'm3', '--name', '王书记', '--org', 'b1', '--since', '2016-07-01']);
    await tz.ok(['member', 'add', '--id', 'm4', '--name', '赵六', '--org', 'g2', '--since', `${Y}-06-15`]);
    await tz.ok(['member', 'add', '--id', 'm5', '--name', '钱七', '--org', 'g1', '--since', '2020-01-01', '--status', 'probationary']);

    // 套会: one sitting that is both a 支部党员大会 and a 党课 given by the secretary.
    await logActivity('combined', [
      '--org', 'b1', '--date', `${Y}-03-10`, '--kind', '支部党员大会,党课', '--qualifier', '支部书记',
      '--title', '一季度支部党员大会暨书记讲党课', '--attendees', 'm1,m2,m3', '--leave', 'm5', '--hours', '2',
    ]);
    // One 党小组会 held jointly by both groups.
    await logActivity('groupMeeting', ['--org', 'b1', '--date', `${Y}-03-12`, '--kind', '党小组会', '--groups', 'g1,g2', '--attendees', 'm1,m2,m5', '--absent', 'm3']);
    await logActivity('themeDay', ['--org', 'b1', '--date', `${Y}-04-08`, '--kind', '主题党日', '--headcount', '12', '--title', '四月主题党日']);
    await logActivity('research', ['--org', 'b1', '--date', `${Y}-05-20`, '--kind', 'research-visit', '--attendees', 'm3', '--quantity', '3', '--unit', '篇']);
    // m4 joined on 06-15, so may attend in July; the observer is not counted as attending.
    await logActivity('invitedLecture', ['--org', 'b1', '--date', `${Y}-07-01`, '--kind', 'party-lecture', '--qualifier', 'invited', '--attendees', 'm1,m4', '--observers', 'm3', '--hours', '1.5']);
    // The same kind in a group and in the branch: m1 attends both (roll-up must not count m1 twice).
    await logActivity('groupStudy', ['--org', 'g1', '--date', `${Y}-08-01`, '--kind', '集中学习', '--attendees', 'm1']);
    await logActivity('branchStudy', ['--org', 'b1', '--date', `${Y}-09-01`, '--kind', 'study-session', '--attendees', 'm1,m3,m4']);
  });

  afterAll(() => store.remove());



    it('tallies the branch: combined sitting once per kind, group meeting once per group, headcount, quantity, hours', async () => {
      const t = await tally('b1');
      expect(t).toMatchObject({ org: 'b1', year: Y, rollup: false });

      expect(kindFigures(t, 'branch-assembly')).toEqual({ count: 1, attendance: 3, participants: 3, hours: 2 });
      // The lecture total holds the combined sitting and the invited lecture; the observer is excluded.
      expect(kindFigures(t, 'party-lecture')).toEqual({ count: 2, attendance: 5, participants: 4, hours: 3.5 });
      expect(kindFigures(t, 'party-lecture', 'secretary')).toEqual({ count: 1, attendance: 3, participants: 3, hours: 2 });
      expect(kindFigures(t, 'party-lecture', 'invited')).toEqual({ count: 1, attendance: 2, participants: 2, hours: 1.5 });
      // The speaker qualifier belongs to the lecture only, not to the assembly it was combined with.
      expect(t.metrics.filter((m) => m.kind === 'branch-assembly').every((m) => m.qualifier === null)).toBe(true);

      expect(kindFigures(t, 'group-meeting')).toEqual({ count: 2, attendance: 3, participants: 3 });
      // Headcount-only: attendance is known, the people are not (no participants figure, not 0).
      expect(kindFigures(t, 'theme-day')).toEqual({ count: 1, attendance: 12 });
      expect(metricValue(t, 'research-visit', null, 'quantity', '篇')).toBe(3);
      expect(t.metrics.find((m) => m.kind === 'research-visit' && m.measure === 'quantity')?.unit).toBe('篇');
      // The group's own study session is not the branch's unless rolled up.
      expect(kindFigures(t, 'study-session')).toEqual({ count: 1, attendance: 3, participants: 3 });
      // Missing is not zero: kinds never held have no metrics at all.
      expect(t.metrics.some((m) => m.kind === 'committee-meeting')).toBe(false);
    });

    it('rolls the committee up over its branch and groups, counting participants as a union', async () => {
      const own = await tally('c1');
      expect(own.metrics).toEqual([]);

      const t = await tally('c1', '--rollup');
      expect(t).toMatchObject({ org: 'c1', rollup: true });
      // m1 attended in g1 and in b1: 4 attendances by 3 people (a sum of the orgs would say 4).
      expect(kindFigures(t, 'study-session')).toEqual({ count: 2, attendance: 4, participants: 3 });
      expect(kindFigures(t, 'party-lecture')).toEqual({ count: 2, attendance: 5, participants: 4, hours: 3.5 });
      expect(kindFigures(t, 'group-meeting')).toEqual({ count: 2, attendance: 3, participants: 3 });
    });

    it('prints the tally for people in Chinese', async () => {
      const r = await tz.ok(['tally', '--org', 'b1', '--year', String(Y)]);
      expect(r.stdout).toContain('活动类型');
      expect(r.stdout).toContain('支部党员大会');
      expect(r.stdout).toContain('支部书记');
      expect(r.stdout).toContain('3 篇');
      expect(r.stdout).not.toContain('branch-assembly');
    });

    it('applies a correction to the list and the tally', async () => {
      const corrected = await tz.ok<{ id: string; ok: boolean }>([
        'correct', ids.themeDay, '--reason', '人数登记有误', '--title', '四月主题党日（更正）', '--headcount', '15', '--json',
      ]);
      expect(corrected.json).toEqual({ id: ids.themeDay, ok: true });

      const list = await tz.ok<ListJson>(['list', '--org', 'b1', '--year', String(Y), '--json']);
      const activity = list.json.activities.find((a) => a.id === ids.themeDay);
      expect(activity?.details).toMatchObject({ title: '四月主题党日（更正）', headcount: 15 });
      expect(kindFigures(await tally('b1'), 'theme-day')).toEqual({ count: 1, attendance: 15 });
    });

    it('drops a voided activity from the list and the tally', async () => {
      const voided = await tz.ok<{ id: string; ok: boolean }>(['void', ids.research, '--reason', '重复登记', '--json']);
      expect(voided.json).toEqual({ id: ids.research, ok: true });

      const list = await tz.ok<ListJson>(['list', '--org', 'b1', '--year', String(Y), '--json']);
      expect(list.json.activities.map((a) => a.id)).not.toContain(ids.research);
      expect(list.json.activities.map((a) => a.id)).toContain(ids.themeDay);
      const t = await tally('b1');
      expect(t.metrics.some((m) => m.kind === 'research-visit')).toBe(false);
      expect(kindFigures(t, 'branch-assembly')).toEqual({ count: 1, attendance: 3, participants: 3, hours: 2 });
    });

    it('refuses corrections and voids without a reason, of unknown or voided activities, appending nothing', async () => {
      const before = await store.countEvents();

      const noReason = await tz.run(['correct', ids.combined, '--title', '改个标题']);
      expect(noReason.code).toBe(2);
      expect(noReason.stderr).toContain('error: reason');
      expect(noReason.stderr).toMatch(/原因/);

      const noReasonJson = await tz.run(['void', ids.combined, '--json']);
      expect(noReasonJson.code).toBe(2);
      expect(noReasonJson.errorJson?.issues?.map((i) => i.field)).toEqual(['reason']);

      for (const args of [
        ['correct', 'no-such-activity', '--reason', '更正', '--title', 'x'],
        ['void', 'no-such-activity', '--reason', '作废'],
        ['void', ids.research, '--reason', '再次作废'],
        ['correct', ids.research, '--reason', '更正已作废的', '--title', 'x'],
      ]) {
        const r = await tz.run([...args, '--json']);
        expect({ args, code: r.code }).toEqual({ args, code: 2 });
        expect(r.errorJson?.issues?.[0].field).toBe('activityId');
      }
      expect(await store.countEvents()).toBe(before);
    });

    it('shows should/did per period on the compliance board, per group for 党小组会', async () => {
      const { json: c } = await tz.ok<ComplianceJson>(['compliance', '--org', 'b1', '--year', String(Y), '--json']);
      expect(c).toMatchObject({ org: 'b1', year: Y });
      for (const row of c.rules) {
        expect(Object.keys(row)).toEqual(expect.arrayContaining(['kind', 'org', 'period', 'should', 'did', 'ok']));
      }
      const row = (kind: string, org: string, period: string) => c.rules.find((r) => r.kind === kind && r.org === org && r.period === period && !r.qualifier);

      // Quarterly assembly: Q1 held (the combined sitting), Q2 not.
      expect(row('branch-assembly', 'b1', `${Y}-Q1`)).toMatchObject({ should: 1, did: 1, ok: true });
      expect(row('branch-assembly', 'b1', `${Y}-Q2`)).toMatchObject({ should: 1, did: 0, ok: false });
      // Monthly rules have twelve rows.
      expect(c.rules.filter((r) => r.kind === 'theme-day' && r.org === 'b1').map((r) => r.period)).toEqual(
        Array.from({ length: 12 }, (_, i) => `${Y}-${String(i + 1).padStart(2, '0')}`),
      );
      // The corrected theme day still counts for April; May failed.
      expect(row('theme-day', 'b1', `${Y}-04`)).toMatchObject({ did: 1, ok: true });
      expect(row('theme-day', 'b1', `${Y}-05`)).toMatchObject({ should: 1, did: 0, ok: false });
      // 党小组会: one row per group per month, the joint meeting counting for both.
      for (const g of ['g1', 'g2']) {
        expect(c.rules.filter((r) => r.kind === 'group-meeting' && r.org === g)).toHaveLength(12);
        expect(row('group-meeting', g, `${Y}-03`)).toMatchObject({ should: 1, did: 1, ok: true });
        expect(row('group-meeting', g, `${Y}-04`)).toMatchObject({ did: 0, ok: false });
      }
      expect(c.rules.some((r) => r.kind === 'group-meeting' && r.org === 'b1')).toBe(false);
      // Yearly: the secretary lectured once.
      const secretary = c.rules.find((r) => r.kind === 'party-lecture' && r.qualifier === 'secretary');
      expect(secretary).toMatchObject({ org: 'b1', period: String(Y), did: 1, ok: true });
      expect(row('org-life-meeting', 'b1', String(Y))).toMatchObject({ should: 1, did: 0, ok: false });
    });
});
