import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HistoryJson, LogJson } from '../helpers/cli-json';
import { lastYear, midpoint } from '../helpers/dates';
import { CompileSummaryJson, figuresOf, ReportFileJson, ReportListJson, ReportVerificationJson } from '../helpers/report-json';
import { cliOn } from '../helpers/run-cli';
import { readStoredEvent, tamperEventData } from '../helpers/store-file';
import { createTempStore } from '../helpers/temp-store';

/**
 * An auditor re-checks a submitted report: it is recorded when compiled, it verifies against the
 * ledger as of its recorded position, later corrections, voids and back-filled entries are listed
 * with their reasons without making the report wrong, and an edited report file is caught.
 * The tests share one ledger and run in file order, as the audit does.
 */
const Y = lastYear();
const store = createTempStore('report-verify');
const tz = cliOn(store.url);
const file = (name: string) => join(store.dir, name);
const ids: Record<string, string> = {};
let compiled: CompileSummaryJson;
let report: ReportFileJson;

async function logActivity(name: string, args: string[]): Promise<void> {
  const r = await tz.ok<LogJson>(['log', '--json', ...args]);
  ids[name] = r.json.id;
}

async function verify(target: string): Promise<{ code: number | null; text: string; json: ReportVerificationJson }> {
  const text = await tz.run(['report', 'verify', target]);
  const json = await tz.run<ReportVerificationJson>(['report', 'verify', target, '--json']);
  expect(json.code).toBe(text.code);
  return { code: text.code, text: text.stdout, json: json.json };
}

beforeAll(async () => {
  await tz.ok(['org', 'add', '--id', 'c1', '--name', '机关党委', '--kind', 'committee']);
  await tz.ok(['org', 'add', '--id', 'b1', '--name', '审计支部', '--kind', 'branch', '--parent', 'c1']);
  await tz.ok(['member', 'add', '--id', 'm1', '--name', '张三', '--org', 'b1', '--since', '2018-01-01']);
  await tz.ok(['member', 'add', '--id', 'm2', '--name', '李四', '--org', 'b1', '--since', '2018-01-01']);
  await logActivity('committeeJan', ['--org', 'b1', '--date', `${Y}-01-08`, '--kind', '支委会', '--attendees', 'm1,m2']);
  await logActivity('committeeFeb', ['--org', 'b1', '--date', `${Y}-02-08`, '--kind', '支委会', '--attendees', 'm1,m2']);
  await logActivity('lecture', ['--org', 'b1', '--date', `${Y}-03-08`, '--kind', '党课', '--qualifier', '支部书记', '--attendees', 'm1,m2']);
  await logActivity('themeDay', ['--org', 'b1', '--date', `${Y}-04-08`, '--kind', '主题党日', '--headcount', '12']);

  const r = await tz.ok<CompileSummaryJson>([
    'compile', '--org', 'b1', '--year', String(Y), '--template', 'branch-secretary', '--format', 'json', '--out', file('report.json'), '--json',
  ]);
  compiled = r.json;
  report = JSON.parse(readFileSync(file('report.json'), 'utf8')) as ReportFileJson;
});

afterAll(() => store.remove());

describe('a compiled report is recorded and verifies', () => {
  it('is listed for its org under the id the summary gave', async () => {
    const { json } = await tz.ok<ReportListJson>(['report', 'list', '--org', 'b1', '--json']);
    expect(json.reports.map((r) => r.reportId)).toEqual([compiled.reportId]);
    expect(json.reports[0]).toMatchObject({ orgId: 'b1', year: Y, template: 'branch-secretary', asOfPosition: compiled.asOfPosition });
    expect(report.reportId).toBe(compiled.reportId);

    const text = await tz.ok(['report', 'list', '--org', 'b1']);
    expect(text.stdout).toContain(compiled.reportId);
    expect(text.stdout).toContain('已记录的述职报告：1 份');
    // The committee above has none of its own.
    expect((await tz.ok<ReportListJson>(['report', 'list', '--org', 'c1', '--json'])).json.reports).toEqual([]);
  });

  it('verifies from the file and from the id: exit 0, 一致, nothing changed since', async () => {
    for (const target of [file('report.json'), compiled.reportId]) {
      const r = await verify(target);
      expect({ target, code: r.code }).toEqual({ target, code: 0 });
      expect(r.text).toContain('一致');
      expect(r.text).not.toContain('✗');
      expect(r.json).toMatchObject({ reportId: compiled.reportId, orgId: 'b1', year: Y, ok: true, headsIntact: true, matchesAtRecording: true, unchangedSince: true });
      expect(r.json.figures).toBe(compiled.figures);
      expect(r.json.asOfPosition).toBe(compiled.asOfPosition);
      expect(r.json.changes).toEqual([]);
    }
  });

  it('refuses an unknown report id or a file that is not a report (exit 2)', async () => {
    const unknown = await tz.run(['report', 'verify', 'no-such-report']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('报告不存在：no-such-report');

    writeFileSync(file('not-a-report.json'), JSON.stringify({ hello: 'world' }));
    const junk = await tz.run(['report', 'verify', file('not-a-report.json'), '--json']);
    expect(junk.code).toBe(2);
    expect(junk.errorJson?.issues?.[0].field).toBe('file');
    expect(junk.errorJson?.issues?.[0].message).toMatch(/不是有效的报告/);
  });
});

describe('after the report: a correction, a void and a late entry', () => {
  let correctedAt: string;

  beforeAll(async () => {
    await tz.ok(['correct', ids.themeDay, '--reason', '人数登记有误', '--headcount', '15', '--actor', '王书记']);
    await tz.ok(['void', ids.committeeFeb, '--reason', '重复登记', '--actor', '王书记']);
    // 补录: an 组织生活会 of the same year, recorded only now.
    await logActivity('lateOrgLife', ['--org', 'b1', '--date', `${Y}-12-20`, '--kind', '组织生活会', '--attendees', 'm1,m2', '--actor', '李委员']);
    const { json } = await tz.ok<HistoryJson>(['history', '--org', 'b1', '--json']);
    correctedAt = json.events.find((e) => e.type === 'ActivityCorrected')!.recordedAt;
  });

  it('still verifies (true as of its position) but lists each changed figure with the events and reasons', async () => {
    const r = await verify(compiled.reportId);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ ok: true, headsIntact: true, matchesAtRecording: true, unchangedSince: false, mismatches: [] });
    expect(BigInt(r.json.currentPosition)).toBeGreaterThan(BigInt(r.json.asOfPosition));

    const change = (kind: string, measure: string, side: 'did' | null = null) =>
      r.json.changes.filter((c) => c.kind === kind && c.measure === measure && c.side === side);

    const attendance = change('theme-day', 'attendance');
    expect(attendance.map((c) => [c.recorded, c.value])).toEqual([[12, 15]]);
    expect(attendance[0].events.map((e) => [e.type, e.activityId, e.reason, e.actor])).toEqual([['ActivityCorrected', ids.themeDay, '人数登记有误', '王书记']]);

    const committee = change('committee-meeting', 'count', 'did');
    expect(committee.map((c) => [c.recorded, c.value])).toEqual([[2, 1]]);
    expect(committee[0].events.map((e) => [e.type, e.activityId, e.reason])).toEqual([['ActivityVoided', ids.committeeFeb, '重复登记']]);

    const orgLife = change('org-life-meeting', 'count');
    expect(orgLife.length).toBeGreaterThan(0);
    for (const c of orgLife) {
      expect([c.recorded, c.value]).toEqual([null, 1]);
      expect(c.events.map((e) => [e.type, e.activityId, e.actor])).toEqual([['ActivityLogged', ids.lateOrgLife, '李委员']]);
    }

    // The number of theme days did not change (the same day, corrected): not listed.
    expect(change('theme-day', 'count')).toEqual([]);
    // Every event listed is one of these three, never the report's own or an earlier one.
    const listed = new Set(r.json.changes.flatMap((c) => c.events.map((e) => e.activityId)));
    expect([...listed].sort()).toEqual([ids.themeDay, ids.committeeFeb, ids.lateOrgLife].sort());
  });

  it('says so in Chinese: 更正, 作废 and 补录 with their reasons, and still 一致', async () => {
    const r = await tz.run(['report', 'verify', file('report.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/主题党日参加人次.*报告为 12，现为 15/);
    expect(r.stdout).toMatch(new RegExp(`更正 ${ids.themeDay}.*原因：人数登记有误`));
    expect(r.stdout).toMatch(new RegExp(`作废 ${ids.committeeFeb}.*原因：重复登记`));
    expect(r.stdout).toContain(`补录 ${ids.lateOrgLife}`);
    expect(r.stdout).toContain('结论：报告与编制时的台账一致。');
  });

  it('catches a figure edited in the report file: exit 4 with the mismatch', async () => {
    const theme = figuresOf(report, 'theme-day', 'attendance')[0];
    const edited = JSON.parse(JSON.stringify(report)) as ReportFileJson;
    // Today's figure does not make it right either: the report claims the ledger as it stood.
    edited.figures[theme.index].value = 15;
    writeFileSync(file('edited.json'), JSON.stringify(edited));

    const r = await verify(file('edited.json'));
    expect(r.code).toBe(4);
    expect(r.json).toMatchObject({ ok: false, matchesAtRecording: false, headsIntact: true });
    expect(r.json.mismatches.map((m) => [m.index, m.kind, m.measure, m.recorded, m.value])).toEqual([[theme.index, 'theme-day', 'attendance', 15, 12]]);
    expect(r.text).toMatch(/✗ .*1 个数字与报告不符/);
    expect(r.text).toContain('报告与台账不符');

    // The untouched file still verifies.
    expect((await tz.run(['report', 'verify', file('report.json')])).code).toBe(0);
  });

  it('compiles --as-of an earlier instant with the earlier figures, and that report verifies too', async () => {
    const { json: list } = await tz.ok<ReportListJson>(['report', 'list', '--org', 'b1', '--json']);
    const between = midpoint(list.reports.find((x) => x.reportId === compiled.reportId)!.recordedAt, correctedAt);

    const asOf = await tz.ok<CompileSummaryJson>([
      'compile', '--org', 'b1', '--year', String(Y), '--template', 'branch-secretary', '--format', 'json', '--out', file('as-of.json'), '--as-of', between, '--json',
    ]);
    const then = JSON.parse(readFileSync(file('as-of.json'), 'utf8')) as ReportFileJson;
    const now = (await tz.ok<ReportFileJson>(['compile', '--org', 'b1', '--year', String(Y), '--template', 'branch-secretary', '--format', 'json'])).json;

    const value = (r: ReportFileJson, kind: string, measure: string, side: 'did' | null = null) =>
      figuresOf(r, kind, measure).filter((f) => f.side === side).map((f) => f.value);
    expect(value(then, 'theme-day', 'attendance')).toEqual([12]);
    expect(value(now, 'theme-day', 'attendance')).toEqual([15]);
    expect(value(then, 'committee-meeting', 'count', 'did')).toEqual([2]);
    expect(value(now, 'committee-meeting', 'count', 'did')).toEqual([1]);
    expect(new Set(value(then, 'org-life-meeting', 'count'))).toEqual(new Set([null]));
    expect(new Set(value(now, 'org-life-meeting', 'count'))).toEqual(new Set([1]));
    expect(then.asOf.instant).toBe(new Date(between).toISOString());
    expect(then.text).toContain('党员参加12人次');
    expect(now.text).toContain('党员参加15人次');

    const r = await verify(asOf.json.reportId);
    expect(r.code).toBe(0);
    expect(r.json.matchesAtRecording).toBe(true);

    // The ledger as of that instant had recorded only the first report.
    const { json: listedThen } = await tz.ok<ReportListJson>(['report', 'list', '--org', 'b1', '--as-of', between, '--json']);
    expect(listedThen.reports.map((x) => x.reportId)).toEqual([compiled.reportId]);
  });
});

describe('history altered behind the ledger’s back', () => {
  it('fails verification (exit 4) when an event the report stands on was rewritten', async () => {
    const { json: history } = await tz.ok<HistoryJson>(['history', '--org', 'b1', '--json']);
    const logged = history.events.find((e) => e.type === 'ActivityLogged' && (e.data as { activityId?: string }).activityId === ids.themeDay)!;
    const stored = readStoredEvent(store.file, 'org-b1', logged.streamVersion);
    const activity = stored.data.activity as Record<string, unknown>;
    expect(activity.headcount).toBe(12);
    tamperEventData(store.file, 'org-b1', logged.streamVersion, { ...stored.data, activity: { ...activity, headcount: 40 } });

    const r = await verify(compiled.reportId);
    expect(r.code).toBe(4);
    expect(r.json).toMatchObject({ ok: false, headsIntact: false });
    expect(r.json.brokenHeads.map((b) => b.stream)).toEqual(['org-b1']);
    expect(r.text).toContain('✗ 哈希链');
  });
});
