import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { LogJson } from '../helpers/cli-json';
import { lastYear } from '../helpers/dates';
import { CompileSummaryJson, figuresOf, ReportFileJson, ReportListJson } from '../helpers/report-json';
import { cliOn } from '../helpers/run-cli';
import { countEvents } from '../helpers/store-file';
import { createTempStore } from '../helpers/temp-store';

/**
 * A secretary's year ends in a report: the ledger kept from the command line is compiled with every
 * built-in template in every format, then with templates of one's own, and what is refused leaves
 * nothing behind. The tests share one ledger and run in file order.
 */
const Y = lastYear();
const store = createTempStore('report-compile');
const tz = cliOn(store.url);
const out = (name: string) => join(store.dir, name);
/** Activity ids by name, and every id logged (figures may only point at these). */
const ids: Record<string, string> = {};
const logged = new Set<string>();

async function logActivity(name: string, args: string[]): Promise<void> {
  const r = await tz.ok<LogJson>(['log', '--json', ...args]);
  ids[name] = r.json.id;
  logged.add(r.json.id);
}

/** Compiles to a file and returns the `--json` summary printed on stdout. */
async function compileTo(file: string, args: string[]): Promise<CompileSummaryJson> {
  const r = await tz.ok<CompileSummaryJson>(['compile', '--year', String(Y), ...args, '--out', out(file), '--json']);
  expect(r.json).toMatchObject({ year: Y, out: out(file) });
  expect(r.json.reportId).toMatch(/\S/);
  return r.json;
}

async function reportIds(org: string): Promise<string[]> {
  const r = await tz.ok<ReportListJson>(['report', 'list', '--org', org, '--json']);
  return r.json.reports.map((report) => report.reportId);
}

/** A .docx as read back: its first bytes, the text of word/document.xml without markup, and its styles. */
async function docxText(file: string): Promise<{ header: string; text: string; styles: string }> {
  const bytes = readFileSync(file);
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  return { header: bytes.subarray(0, 2).toString('latin1'), text: xml.replace(/<[^>]+>/g, ''), styles: xml + styles };
}

beforeAll(async () => {
  await tz.ok(['org', 'add', '--id', 'c1', '--name', '示范机关党委', '--kind', 'committee']);
  await tz.ok(['org', 'add', '--id', 'b1', '--name', '第一党支部', '--kind', 'branch', '--parent', 'c1']);
  await tz.ok(['org', 'add', '--id', 'b2', '--name', '第二党支部', '--kind', 'branch', '--parent', 'c1']);
  await tz.ok(['org', 'add', '--id', 'g1', '--name', '第一党小组', '--kind', 'group', '--parent', 'b1']);
  await tz.ok(['member', 'add', '--id', 'm1', '--name', '张三', '--org', 'g1', '--since', '2018-03-01']);
  await tz.ok(['member', 'add', '--id', 'm2', '--name', '李四', '--org', 'b1', '--since', '2018-03-01']);
  await tz.ok(['member', 'add', '--id', 'm3', '--name', '王书记', '--org', 'b1', '--since', '2016-07-01']);
  await tz.ok(['member', 'add', '--id', 'm4', '--name', '赵六', '--org', 'b2', '--since', '2019-05-01']);

  // 第一党支部: three 支委会, a combined sitting (assembly + the secretary's lecture), a second
  // lecture by the secretary and one by an invited teacher, two theme days by headcount, a group
  // meeting, a study session with hours and a research visit that produced 2 reports. No 专题研讨.
  for (const month of ['01', '02', '03']) {
    await logActivity(`committee${month}`, ['--org', 'b1', '--date', `${Y}-${month}-06`, '--kind', '支委会', '--attendees', 'm2,m3']);
  }
  await logActivity('combined', [
    '--org', 'b1', '--date', `${Y}-03-10`, '--kind', '支部党员大会,党课', '--qualifier', '支部书记', '--attendees', 'm1,m2,m3', '--hours', '2',
  ]);
  await logActivity('secretaryLecture', ['--org', 'b1', '--date', `${Y}-09-05`, '--kind', '党课', '--qualifier', 'secretary', '--attendees', 'm1,m2']);
  await logActivity('invitedLecture', ['--org', 'b1', '--date', `${Y}-07-01`, '--kind', 'party-lecture', '--qualifier', '党校教师', '--headcount', '3']);
  await logActivity('themeApril', ['--org', 'b1', '--date', `${Y}-04-08`, '--kind', '主题党日', '--headcount', '12']);
  await logActivity('themeMay', ['--org', 'b1', '--date', `${Y}-05-09`, '--kind', '主题党日', '--headcount', '10']);
  await logActivity('groupMeeting', ['--org', 'b1', '--date', `${Y}-03-12`, '--kind', '党小组会', '--groups', 'g1', '--attendees', 'm1']);
  await logActivity('study', ['--org', 'b1', '--date', `${Y}-08-01`, '--kind', '集中学习', '--attendees', 'm1,m2,m3', '--hours', '3']);
  await logActivity('research', ['--org', 'b1', '--date', `${Y}-06-05`, '--kind', '调研', '--item', '调研报告', '--quantity', '2', '--unit', '篇', '--headcount', '3']);
  // 第二党支部: one 支委会 and one theme day. The committee itself: one 中心组学习.
  await logActivity('b2Committee', ['--org', 'b2', '--date', `${Y}-04-15`, '--kind', 'committee-meeting', '--headcount', '5']);
  await logActivity('b2Theme', ['--org', 'b2', '--date', `${Y}-06-18`, '--kind', 'theme-day', '--attendees', 'm4']);
  await logActivity('centerGroup', ['--org', 'c1', '--date', `${Y}-05-05`, '--kind', '中心组学习', '--headcount', '7']);
});

afterAll(() => store.remove());

describe('the branch secretary’s report in every format', () => {
  let md: string;
  let mdStderr: string;

  beforeAll(async () => {
    const r = await tz.ok(['compile', '--org', 'b1', '--year', String(Y), '--template', 'branch-secretary']);
    md = r.stdout;
    mdStderr = r.stderr;
  });

  it('fills the figures logged into the right sentences (md on stdout)', () => {
    expect(md).toContain(`# 第一党支部书记${Y}年度抓基层党建工作述职报告`);
    expect(md).toContain(`${Y}年，在示范机关党委的领导下`);
    // Compliance: 支委会 monthly, held three times; the assembly quarterly, held once.
    expect(md).toContain('全年支部党员大会应召开4次、实际召开1次；支委会应召开12次、实际召开3次；党小组会应召开12次、实际召开1次（第一党小组');
    // Lectures: the combined sitting and September by the secretary, one invited.
    expect(md).toContain('全年讲授党课3次，其中支部书记讲党课2次，邀请党校教师或专家授课1次。');
    expect(md).toContain('全年开展主题党日活动2次（应开展12次），党员参加22人次');
    expect(md).toContain('组织集中学习1次，累计3学时');
    expect(md).toContain('深入基层开展调研1次，形成调研报告2篇');
    // Missing is not zero: no 专题研讨 was logged.
    expect(md).toContain('开展专题研讨【待补：专题研讨次数】次');
    expect(md).not.toContain('专题研讨0次');
  });

  // A 党小组会 logged by the branch with `--groups g1` (the README's way) counts for g1 in the per-group list.
  it('fills each 党小组’s own meeting count in the per-group list', () => {
    expect(md).toContain('党小组会应召开12次、实际召开1次（第一党小组1次）。');
  });

  it('summarises on stderr in Chinese: the report id, the figure count and the blanks to fill', async () => {
    const id = /已编制报告 (\S+)（b1 /.exec(mdStderr)?.[1];
    expect(id).toBeDefined();
    expect(await reportIds('b1')).toContain(id);
    expect(mdStderr).toMatch(/共 \d+ 个数字/);
    expect(mdStderr).toContain('待补');
    expect(mdStderr).toContain('· 专题研讨次数');
    expect(mdStderr).not.toContain('· 支部委员会会议次数');
    // The report itself never reaches stderr.
    expect(mdStderr).not.toContain('述职报告');
  });

  it('--zero-ok seminar turns that blank into 0 and drops it from the blanks', async () => {
    const r = await tz.ok(['compile', '--org', 'b1', '--year', String(Y), '--template', 'branch-secretary', '--zero-ok', 'seminar']);
    expect(r.stdout).toContain('开展专题研讨0次');
    expect(r.stdout).not.toContain('【待补：专题研讨次数】');
    expect(r.stderr).not.toContain('专题研讨次数');
    // Other blanks stay blanks.
    expect(r.stdout).toContain('【待补：警示教育次数】');
    expect(r.stderr).toContain('· 警示教育次数');
  });

  it('json: every filled figure points at activities logged, missing ones are blanks', async () => {
    const summary = await compileTo('b1.json', ['--org', 'b1', '--template', 'branch-secretary', '--format', 'json']);
    const report = JSON.parse(readFileSync(out('b1.json'), 'utf8')) as ReportFileJson;
    expect(report).toMatchObject({ reportId: summary.reportId, year: Y, org: { id: 'b1', name: '第一党支部' }, template: { name: 'branch-secretary' } });
    expect(report.asOf.position).toBe(summary.asOfPosition);
    expect(report.figures).toHaveLength(summary.figures);

    for (const f of report.figures.filter((x) => x.status === 'filled')) {
      if (f.side === 'should') continue; // a rule's requirement stands on no activity
      expect({ index: f.index, ids: f.activityIds.length > 0 }).toEqual({ index: f.index, ids: true });
      for (const id of f.activityIds) expect(logged).toContain(id);
    }
    const secretary = figuresOf(report, 'party-lecture', 'count', { qualifier: 'secretary' });
    expect(secretary.map((f) => [f.value, [...f.activityIds].sort()])).toEqual([[2, [ids.combined, ids.secretaryLecture].sort()]]);
    const themeAttendance = figuresOf(report, 'theme-day', 'attendance');
    expect(themeAttendance.map((f) => [f.value, [...f.activityIds].sort()])).toEqual([[22, [ids.themeApril, ids.themeMay].sort()]]);
    expect(figuresOf(report, 'research-visit', 'quantity').map((f) => [f.metric.unit, f.value])).toEqual([['篇', 2]]);

    const seminar = figuresOf(report, 'seminar', 'count');
    expect(seminar.map((f) => [f.status, f.value, f.activityIds])).toEqual([['missing', null, []]]);
    expect(report.missing).toContain(seminar[0].index);
    expect(summary.missing).toContainEqual({ index: seminar[0].index, label: '专题研讨次数' });
    expect(summary.missing.map((m) => m.index).sort()).toEqual([...report.missing].sort());
    expect(report.text).toContain('全年讲授党课3次，其中支部书记讲党课2次');
  });

  it('html: a zh-CN page whose every figure links to its provenance row', async () => {
    const summary = await compileTo('b1.html', ['--org', 'b1', '--template', 'branch-secretary', '--format', 'html']);
    expect(summary.format).toBe('html');
    const html = readFileSync(out('b1.html'), 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain(`第一党支部书记${Y}年度抓基层党建工作述职报告`);

    const links = new Set([...html.matchAll(/href="#(figure-\d+)"/g)].map((m) => m[1]));
    const rows = new Set([...html.matchAll(/id="(figure-\d+)"/g)].map((m) => m[1]));
    expect(links.size).toBeGreaterThan(10);
    for (const link of links) expect(rows).toContain(link);
    expect(rows.size).toBe(summary.figures);
    // The theme-day attendance is a link with its value, and the blank is marked.
    expect(html).toMatch(/<a class="figure" href="#figure-\d+" data-metric="theme-day\/-\/attendance">22<\/a>/);
    expect(html).toMatch(/<mark class="blank" id="blank-\d+"><a href="#figure-\d+" data-metric="seminar\/-\/count">【待补：专题研讨次数】<\/a><\/mark>/);
    expect(html).toContain(summary.reportId);
  });

  // `{{cn (count …)}}` shows the inner figure in Chinese: no orphan figure behind it.
  it('records only figures that appear in the text', () => {
    const html = readFileSync(out('b1.html'), 'utf8');
    const linked = new Set([...html.matchAll(/href="#(figure-\d+)"/g)].map((m) => m[1]));
    const rows = new Set([...html.matchAll(/<tr id="(figure-\d+)"/g)].map((m) => m[1]));
    expect([...rows].filter((row) => !linked.has(row))).toEqual([]);
  });

  it('docx: a Word package whose document holds the title and the figures', async () => {
    const summary = await compileTo('b1.docx', ['--org', 'b1', '--template', 'branch-secretary', '--format', 'docx', '--fonts', 'body=仿宋_GB2312']);
    expect(summary.format).toBe('docx');
    const { header, text, styles } = await docxText(out('b1.docx'));
    expect(header).toBe('PK');
    expect(text).toContain(`第一党支部书记${Y}年度抓基层党建工作述职报告`);
    expect(text).toContain('全年开展主题党日活动2次（应开展12次），党员参加22人次');
    expect(text).toContain('【待补：专题研讨次数】');
    // --fonts reaches the document (its styles or its runs).
    expect(styles).toContain('仿宋_GB2312');
  });
});

describe('the committee secretary’s report, rolled up over its branches', () => {
  it('md: whole-committee totals and a per-branch table with each branch’s own counts', async () => {
    const r = await tz.ok(['compile', '--org', 'c1', '--year', String(Y), '--template', 'committee-secretary']);
    const md = r.stdout;
    expect(md).toContain(`# 示范机关党委书记${Y}年度抓机关党建工作述职报告`);
    expect(md).toContain('指导所属2个基层党组织');
    expect(md).toContain('组织理论学习中心组学习1次');
    // Rolled up: 3 lectures in b1, none in b2.
    expect(md).toContain('全年讲授党课3次，其中支部书记讲党课2次');
    expect(md).toContain('全年开展主题党日活动3次');
    expect(md).toContain('| 党组织 | 党员大会 | 支委会 | 党小组会 | 党课 | 主题党日 | 执行情况 |');
    expect(md).toMatch(/^\| 第一党支部 \| 1 \| 3 \| 1 \| 3 \| 2 \| [^|]+ \|$/m);
    expect(md).toMatch(/^\| 第二党支部 \| 【待补：支部党员大会次数】 \| 1 \| 【待补：党小组会次数】 \| 【待补：党课次数】 \| 1 \| [^|]+ \|$/m);
    expect(r.stderr).toContain('· 支部党员大会次数');
  });

  it('json and html and docx: the per-branch figures are scoped to each branch', async () => {
    const summary = await compileTo('c1.json', ['--org', 'c1', '--template', 'committee-secretary', '--format', 'json']);
    expect(summary).toMatchObject({ org: 'c1', template: 'committee-secretary', format: 'json' });
    const report = JSON.parse(readFileSync(out('c1.json'), 'utf8')) as ReportFileJson;
    expect(report.rollup).toBe(true);
    const committeeMeetings = (org: string) => figuresOf(report, 'committee-meeting', 'count', { org }).filter((f) => f.source === 'tally');
    expect(committeeMeetings('b1').map((f) => [f.value, f.rollup, f.activityIds.length])).toEqual([[3, false, 3]]);
    expect(committeeMeetings('b2').map((f) => [f.value, f.activityIds])).toEqual([[1, [ids.b2Committee]]]);
    for (const f of report.figures) for (const id of f.activityIds) expect(logged).toContain(id);

    await compileTo('c1.html', ['--org', 'c1', '--template', 'committee-secretary', '--format', 'html']);
    const html = readFileSync(out('c1.html'), 'utf8');
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain('第二党支部');
    expect(html).toMatch(/<table/);

    await compileTo('c1.docx', ['--org', 'c1', '--template', 'committee-secretary', '--format', 'docx']);
    const { header, text } = await docxText(out('c1.docx'));
    expect(header).toBe('PK');
    expect(text).toContain(`示范机关党委书记${Y}年度抓机关党建工作述职报告`);
    expect(text).toContain('第一党支部');
    expect(text).toContain('第二党支部');
  });
});

describe('templates of one’s own (--templates DIR)', () => {
  const dir = join(store.dir, 'my-templates');

  beforeAll(() => {
    mkdirSync(join(dir, 'partials'), { recursive: true });
    writeFileSync(join(dir, 'mini.hbs'), '# {{org.name}}{{year}}年度小结\n\n支委会{{count "committee-meeting"}}次，书记讲党课{{count "party-lecture" qualifier="secretary"}}次，研讨{{count "seminar"}}次。\n');
    writeFileSync(join(dir, 'branch-secretary.hbs'), '# 自备的支部模板：{{org.name}}\n\n主题党日{{count "theme-day"}}次。\n');
    writeFileSync(join(dir, 'partials', 'closing.hbs'), '以上为自备落款。\n\n-> {{org.name}}\n');
    writeFileSync(join(dir, 'bad-kind.hbs'), '# 错误的模板\n\n某活动{{count "nope"}}次。\n');
  });

  it('adds a template and counts with the same helpers', async () => {
    const r = await tz.ok(['compile', '--org', 'b1', '--year', String(Y), '--template', 'mini', '--templates', dir]);
    expect(r.stdout).toBe(`# 第一党支部${Y}年度小结\n\n支委会3次，书记讲党课2次，研讨【待补：专题研讨次数】次。\n`);
    expect(r.stderr).toContain('模板 mini');
    expect(r.stderr).toContain('共 3 个数字');
  });

  it('overrides a built-in template of the same name', async () => {
    const own = await tz.ok(['compile', '--org', 'b1', '--year', String(Y), '--template', 'branch-secretary', '--templates', dir]);
    expect(own.stdout).toBe('# 自备的支部模板：第一党支部\n\n主题党日2次。\n');
    expect(own.stderr).toContain('模板 branch-secretary');
    // Templates it does not override stay the built-in ones.
    const committee = await tz.ok(['compile', '--org', 'c1', '--year', String(Y), '--template', 'committee-secretary', '--templates', dir]);
    expect(committee.stdout).toContain('抓机关党建工作述职报告');
  });

  // templates/README.md: a partial in DIR/partials replaces the built-in one of the same name.
  it('overrides a built-in partial of the same name inside a built-in template', async () => {
    const committee = await tz.ok(['compile', '--org', 'c1', '--year', String(Y), '--template', 'committee-secretary', '--templates', dir]);
    expect(committee.stdout).toContain('抓机关党建工作述职报告');
    expect(committee.stdout).toContain('以上为自备落款。');
    expect(committee.stdout).not.toContain('批评指正');
  });
});

describe('refused compilations record nothing and write nothing', () => {
  const cases: { name: string; args: () => string[]; field: string; zh: RegExp }[] = [
    { name: 'an unknown template', args: () => ['--org', 'b1', '--template', 'no-such-template'], field: 'template', zh: /找不到模板“no-such-template”.*branch-secretary/ },
    { name: 'a bad --format', args: () => ['--org', 'b1', '--template', 'branch-secretary', '--format', 'odt'], field: 'format', zh: /输出格式.*odt/ },
    { name: 'a year that is not a year', args: () => ['--org', 'b1', '--template', 'branch-secretary', '--year', '20x5'], field: 'year', zh: /年份无效：20x5/ },
    { name: 'a year before the Party existed', args: () => ['--org', 'b1', '--template', 'branch-secretary', '--year', '1800'], field: 'year', zh: /年份无效：1800/ },
    { name: 'an unknown --org', args: () => ['--org', 'no-such-org', '--template', 'branch-secretary'], field: 'orgId', zh: /组织不存在：no-such-org/ },
    { name: 'an unknown kind in --zero-ok', args: () => ['--org', 'b1', '--template', 'branch-secretary', '--zero-ok', 'seminar,广场舞'], field: 'zeroOk', zh: /未知的活动类型“广场舞”/ },
    { name: 'a missing --templates folder', args: () => ['--org', 'b1', '--template', 'mini', '--templates', join(store.dir, 'nowhere')], field: 'templates', zh: /模板目录不存在/ },
    { name: 'an --out in a folder that does not exist', args: () => ['--org', 'b1', '--template', 'branch-secretary', '--out', join(store.dir, 'nowhere', 'r.md')], field: 'out', zh: /目录不存在/ },
  ];

  let reportsBefore: string[];
  beforeAll(async () => {
    reportsBefore = await reportIds('b1');
  });

  it.each(cases)('refuses $name: exit 2, the field named in Chinese, nothing recorded', async ({ args, field, zh }) => {
    const events = countEvents(store.file);
    // Every case names an --out (so a wrongly accepted one never writes into the repository) that must not appear.
    const file = out('refused.out');
    const withYear = (a: string[]) => [...(a.includes('--year') ? a : ['--year', String(Y), ...a]), ...(a.includes('--out') ? [] : ['--out', file])];

    const text = await tz.run(['compile', ...withYear(args())]);
    expect(text.code).toBe(2);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(zh);
    expect(text.stderr).toContain(`错误：${field}`);

    const json = await tz.run(['compile', ...withYear(args()), '--json']);
    expect(json.code).toBe(2);
    expect(json.errorJson?.issues?.map((i) => i.field)).toEqual([field]);

    // A compilation is recorded as an event: none was appended.
    expect(existsSync(file)).toBe(false);
    expect(countEvents(store.file)).toBe(events);
  });

  it('refuses a template that names an unknown kind, naming the template and the kind', async () => {
    const events = countEvents(store.file);
    const dir = join(store.dir, 'my-templates');
    const file = out('never.json');

    const text = await tz.run(['compile', '--org', 'b1', '--year', String(Y), '--template', 'bad-kind', '--templates', dir, '--format', 'json', '--out', file]);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('模板“bad-kind”');
    expect(text.stderr).toContain('未知的活动类型“nope”');

    const json = await tz.run(['compile', '--org', 'b1', '--year', String(Y), '--template', 'bad-kind', '--templates', dir, '--out', file, '--json']);
    expect(json.code).toBe(2);
    expect(json.errorJson).toMatchObject({ ok: false, error: 'invalid-template', template: 'bad-kind' });
    expect(json.errorJson?.message).toContain('nope');

    expect(existsSync(file)).toBe(false);
    expect(countEvents(store.file)).toBe(events);
  });

  it('lists no report for any of the refused compilations', async () => {
    expect(await reportIds('b1')).toEqual(reportsBefore);
  });
});

describe('every compilation is recorded once', () => {
  it('compiling twice records two reports with different ids, newest first', async () => {
    const before = await reportIds('b1');
    const first = await compileTo('twice-1.json', ['--org', 'b1', '--template', 'branch-secretary', '--format', 'json']);
    const second = await compileTo('twice-2.json', ['--org', 'b1', '--template', 'branch-secretary', '--format', 'json']);
    expect(first.reportId).not.toBe(second.reportId);

    const after = await reportIds('b1');
    expect(after).toHaveLength(before.length + 2);
    expect(after.slice(0, 2)).toEqual([second.reportId, first.reportId]);
    // The same ledger gives the same figures; only the id (and the position, past the first record) differ.
    const a = JSON.parse(readFileSync(out('twice-1.json'), 'utf8')) as ReportFileJson;
    const b = JSON.parse(readFileSync(out('twice-2.json'), 'utf8')) as ReportFileJson;
    expect(b.figures.map((f) => [f.value, f.activityIds])).toEqual(a.figures.map((f) => [f.value, f.activityIds]));

    const listed = await tz.ok(['report', 'list', '--org', 'b1']);
    expect(listed.stdout).toContain(first.reportId);
    expect(listed.stdout).toContain('branch-secretary');
    // The committee's reports are the committee's: none of the branch's show up there.
    expect(await reportIds('c1')).not.toContain(first.reportId);
  });
});
