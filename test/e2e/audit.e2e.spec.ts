import { HistoryJson, kindFigures, LateJson, LogJson, TallyJson } from '../helpers/cli-json';
import { addDays, chinaToday, lastYear, midpoint, pause, yearOf } from '../helpers/dates';
import { cliOn } from '../helpers/run-cli';
import { createTempStore } from '../helpers/temp-store';

/** What an auditor reads: who recorded what and when, the ledger as of an instant, back-filled entries. */
const Y = lastYear();
const store = createTempStore('audit');
const tz = cliOn(store.url);

afterAll(() => store.remove());

describe('history and as-of replay', () => {
  it('records actor (flag, then env), instant and hash; --as-of shows the ledger as it stood', async () => {
    await tz.ok(['org', 'add', '--id', 'b1', '--name', '审计支部', '--kind', 'branch', '--actor', '张书记']);
    await tz.ok(['member', 'add', '--id', 'm1', '--name', '党员甲', '--org', 'b1', '--since', '2019-01-01'], { env: { TAIZHANG_ACTOR: '李委员' } });
    await tz.ok(['log', '--org', 'b1', '--date', `${Y}-03-01`, '--kind', '党课', '--attendees', 'm1', '--hours', '2', '--id', 'lec-1', '--actor', '张书记']);
    // Real time passes between the recording and the correction, so an instant lies between them.
    await pause(50);
    // The flag wins over the environment.
    await tz.ok(['correct', 'lec-1', '--reason', '学时登记有误', '--hours', '3', '--actor', '王审计'], { env: { TAIZHANG_ACTOR: '李委员' } });

    const { json: history } = await tz.ok<HistoryJson>(['history', '--org', 'b1', '--json']);
    const events = history.events;
    expect(events.map((e) => [e.streamVersion, e.type, e.actor])).toEqual([
      [1, 'OrganizationRegistered', '张书记'],
      [2, 'MemberEnrolled', '李委员'],
      [3, 'ActivityLogged', '张书记'],
      [4, 'ActivityCorrected', '王审计'],
    ]);
    for (const e of events) {
      expect(e.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(new Set(events.map((e) => e.hash)).size).toBe(4);
    expect(events[3].data).toMatchObject({ activityId: 'lec-1', reason: '学时登记有误' });
    expect(Date.parse(events[3].recordedAt)).toBeGreaterThan(Date.parse(events[2].recordedAt));

    const between = midpoint(events[2].recordedAt, events[3].recordedAt);
    const { json: then } = await tz.ok<HistoryJson>(['history', '--org', 'b1', '--as-of', between, '--json']);
    expect(then.events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    expect(then.events.map((e) => e.hash)).toEqual(events.slice(0, 3).map((e) => e.hash));

    const now = await tz.ok<TallyJson>(['tally', '--org', 'b1', '--year', String(Y), '--json']);
    expect(kindFigures(now.json, 'party-lecture')).toMatchObject({ count: 1, hours: 3 });
    const asOf = await tz.ok<TallyJson>(['tally', '--org', 'b1', '--year', String(Y), '--as-of', between, '--json']);
    expect(kindFigures(asOf.json, 'party-lecture')).toMatchObject({ count: 1, hours: 2 });
    expect(asOf.json.asOf).toBe(new Date(between).toISOString());
  });

  it('refuses an --as-of that is not an instant', async () => {
    const r = await tz.run(['tally', '--org', 'b1', '--year', String(Y), '--as-of', 'yesterday-ish', '--json']);
    expect(r.code).toBe(2);
    expect(r.errorJson?.issues?.[0].field).toBe('asOf');
  });
});

describe('late entries (补录)', () => {
  it('lists an activity recorded 60 days after it happened, not one recorded the day after', async () => {
    const today = chinaToday();
    const longAgo = addDays(today, -60);
    const yesterday = addDays(today, -1);
    await tz.ok(['org', 'add', '--id', 'b2', '--name', '补录支部', '--kind', 'branch']);
    const late = await tz.ok<LogJson>(['log', '--org', 'b2', '--date', longAgo, '--kind', '主题党日', '--headcount', '9', '--json']);
    const prompt = await tz.ok<LogJson>(['log', '--org', 'b2', '--date', yesterday, '--kind', '主题党日', '--headcount', '8', '--json']);

    // Near New Year the two dates fall in different years: ask about each year that holds one.
    const years = [...new Set([yearOf(longAgo), yearOf(yesterday)])];
    const listed: LateJson['entries'] = [];
    for (const year of years) {
      const r = await tz.ok<LateJson>(['late', '--org', 'b2', '--year', String(year), '--days', '30', '--json']);
      expect(r.json).toMatchObject({ org: 'b2', year, days: 30 });
      listed.push(...r.json.entries);
    }
    const ids = listed.map((e) => e.activityId);
    expect(ids).toContain(late.json.id);
    expect(ids).not.toContain(prompt.json.id);
    expect(listed.find((e) => e.activityId === late.json.id)?.daysLate).toBeGreaterThanOrEqual(60);

    // A looser threshold lets the same entry through.
    const lenient = await tz.ok<LateJson>(['late', '--org', 'b2', '--year', String(yearOf(longAgo)), '--days', '90', '--json']);
    expect(lenient.json.entries.map((e) => e.activityId)).not.toContain(late.json.id);
  });
});
