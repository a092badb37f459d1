import JSZip from 'jszip';
import { decodeHtml, type Client, type TestServer } from '../helpers/server';
import { startPagesServer } from './pages-fixture';

/**
 * The Chinese pages over HTTP, without a browser: scope, CSRF, validation shown next to the
 * fields, idempotent submits, corrections and voids with reasons, reports, audit, orgs, accounts.
 */
describe('pages (HTTP)', () => {
  let srv: TestServer;
  let secretary: Client;
  let secretary2: Client;
  let auditor: Client;
  let admin: Client;

  beforeAll(async () => {
    srv = await startPagesServer('http');
    secretary = await srv.login('secretary1');
    secretary2 = await srv.login('secretary2');
    auditor = await srv.login('auditor1');
    admin = await srv.loginAsAdmin();
  });

  afterAll(async () => {
    await srv?.close();
  });

  /** The `<div class="field …">` that holds the input with this id. */
  function fieldOf(html: string, inputId: string): string {
    const at = html.indexOf(`id="${inputId}"`);
    if (at < 0) throw new Error(`no input #${inputId}`);
    const start = html.lastIndexOf('<div class="field', at);
    const end = html.indexOf('</div>', at);
    return html.slice(start, end);
  }

  it('sends a visitor without a session to the login page', async () => {
    const res = await srv.anonymous.page('/ledger');
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/^\/login/);
  });

  it('shows a secretary the ledger of their branch, with only their scope in the org chooser', async () => {
    const res = await secretary.page('/ledger?year=2025');
    expect(res.status).toBe(200);
    const html = res.text;
    expect(html).toContain('台账 · 第一党支部 · 2025年');
    expect(html).toContain('一月支委会');
    expect(html).toContain('第一党小组');
    expect(html).not.toContain('第二党支部');
    expect(html).not.toContain('第二支部主题党日');
  });

  it('refuses another branch’s ledger (403), even by editing the URL', async () => {
    const res = await secretary.page('/ledger?org=b2&year=2025');
    expect(res.status).toBe(403);
    expect(res.text).toContain('无权查看');
    expect((await secretary.page('/compliance?org=b2')).status).toBe(403);
    expect((await secretary.page('/audit?org=b2')).status).toBe(403);
    expect((await secretary.page('/activities/seed-b2-01')).status).toBe(403);
  });

  it('offers the roster as of the chosen date', async () => {
    const march = (await secretary.page('/activities/new?org=b1&date=2025-03-05')).text;
    expect(march).toContain('张三');
    expect(march).toContain('王五'); // a member of a 党小组 of the branch
    expect(march).not.toContain('孙七'); // joined in May
    const june = (await secretary.page('/activities/new?org=b1&date=2025-06-10')).text;
    expect(june).toContain('孙七');
  });

  it('keeps the CSRF token out of the address bar when the roster is reloaded', async () => {
    const res = await secretary.page(`/activities/new?org=b1&date=2025-03-05&_csrf=${secretary.csrfToken}&title=x`);
    expect(res.status).toBe(303);
    expect(res.location).toBe('/activities/new?org=b1&date=2025-03-05&title=x');
  });

  it('refuses a form post without the CSRF token and records nothing', async () => {
    const res = await secretary.form('/activities/new', { org: 'b1', activityId: 'no-csrf-1', date: '2025-03-05', kinds: 'branch-assembly' }, { noCsrf: true });
    expect(res.status).toBe(403);
    expect((await secretary.page('/activities/no-csrf-1')).status).toBe(404);
  });

  it('shows validation errors next to each field and keeps what was typed', async () => {
    const res = await secretary.form('/activities/new', {
      org: 'b1',
      activityId: 'bad-1',
      date: '2025-13-40',
      title: '保留的主题',
      hours: 'abc',
      quantity: '3',
      status_m1: 'present',
    });
    expect(res.status).toBe(400);
    const html = res.text;
    expect(fieldOf(html, 'a-hours')).toContain('has-error');
    expect(fieldOf(html, 'a-hours')).toContain('学时不是数字');
    expect(fieldOf(html, 'a-date')).toContain('field-error');
    expect(fieldOf(html, 'a-unit')).toContain('请同时填写单位');
    expect(html).toMatch(/<fieldset class="has-error" id="a-kinds">[\s\S]*?请至少填写一种活动类型[\s\S]*?<\/fieldset>/);
    expect(html).toContain('value="保留的主题"');
    expect(html).toContain('value="bad-1"');
    expect((await secretary.page('/activities/bad-1')).status).toBe(404);
  });

  it('shows a roster error in the roster and a member outside the roster date is refused', async () => {
    const res = await secretary.form('/activities/new', { org: 'b1', activityId: 'bad-2', date: '2025-03-05', kinds: 'branch-assembly', status_m5: 'present' });
    expect(res.status).toBe(400);
    const html = res.text;
    expect(html).toMatch(/<fieldset class="has-error" id="a-roster">[\s\S]*?孙七[\s\S]*?不是本组织党员[\s\S]*?<\/fieldset>/);
  });

  /** The combined sitting the next two tests log (王五, m3, on leave) and then correct. */
  const combinedSitting = {
    date: '2025-03-05',
    kinds: ['branch-assembly', 'party-lecture'],
    qualifier: 'secretary',
    title: '一季度党员大会暨书记讲党课',
    status_m1: 'present',
    status_m2: 'present',
    hours: '2',
  };

  it('logs a combined sitting once, however often the form is submitted', async () => {
    const fields = { org: 'b1', activityId: 'web-combined-1', ...combinedSitting, status_m3: 'leave', status_m4: '' };
    const first = await secretary.form('/activities/new', fields);
    expect(first.status).toBe(303);
    expect(first.location).toBe('/activities/web-combined-1?logged=1');
    const again = await secretary.form('/activities/new', fields);
    expect(again.status).toBe(303);
    expect(again.location).toBe('/activities/web-combined-1?again=1');

    const ledger = (await secretary.page('/ledger?org=b1&year=2025&month=3')).text;
    expect(ledger.match(/一季度党员大会暨书记讲党课/g)).toHaveLength(1);
    expect(ledger).toContain('套会');
    const detail = (await secretary.page('/activities/web-combined-1')).text;
    expect(detail).toContain('支部党员大会 + 党课（套会）');
    expect(detail).toMatch(/出席（2人）[\s\S]*张三[\s\S]*李四/);
    expect(detail).toMatch(/请假（1人）[\s\S]*王五/);
  });

  it('corrects with a reason, and shows who changed what, when and why', async () => {
    const form = (await secretary.page('/activities/web-combined-1/correct')).text;
    expect(form).toContain('value="一季度党员大会暨书记讲党课"');
    expect(form).toMatch(/id="status-m1-present"[^>]*checked/);
    // 王五, recorded on leave, was there after all.
    const corrected = { ...combinedSitting, status_m3: 'present' };
    const missingReason = await secretary.form('/activities/web-combined-1/correct', { ...corrected, reason: '' });
    expect(missingReason.status).toBe(400);
    expect(fieldOf(missingReason.text, 'a-reason')).toContain('field-error');

    const ok = await secretary.form('/activities/web-combined-1/correct', { ...corrected, reason: '王五实际到会' });
    expect(ok.status).toBe(303);
    const detail = (await secretary.page('/activities/web-combined-1')).text;
    expect(detail).toMatch(/更正活动<\/td>\s*<td>secretary1<\/td>\s*<td>网页<\/td>\s*<td>王五实际到会<\/td>/);
    expect(detail).toMatch(/出席（3人）/);
  });

  it('voids only with a reason, and the ledger keeps the voided record marked', async () => {
    await secretary.form('/activities/new', { org: 'b1', activityId: 'web-dup-1', date: '2025-04-02', kinds: 'theme-day', title: '重复登记的主题党日' });
    const noReason = await secretary.form('/activities/web-dup-1/void', { reason: '' });
    expect(noReason.status).toBe(400);
    expect(fieldOf(noReason.text, 'void-reason')).toContain('field-error');
    const voided = await secretary.form('/activities/web-dup-1/void', { reason: '重复登记' });
    expect(voided.status).toBe(303);
    const detail = (await secretary.page('/activities/web-dup-1')).text;
    expect(detail).toContain('已作废');
    expect(detail).toContain('重复登记');
    expect(detail).not.toContain('作废此活动');
    const ledger = (await secretary.page('/ledger?org=b1&year=2025&month=4')).text;
    expect(ledger).toMatch(/<tr class="voided">[\s\S]*?重复登记的主题党日/);
  });

  it('refuses the auditor every write, and shows no activity form', async () => {
    expect((await auditor.page('/activities/new?org=b1')).status).toBe(403);
    const post = await auditor.form('/activities/new', { org: 'b1', activityId: 'auditor-1', date: '2025-03-06', kinds: 'theme-day' });
    expect(post.status).toBe(403);
    expect((await auditor.form('/activities/web-combined-1/void', { reason: '审计不应能作废' })).status).toBe(403);
    expect((await auditor.page('/activities/web-combined-1/correct')).status).toBe(403);
    expect((await auditor.form('/reports/download', { org: 'b1', year: '2025', template: 'branch-secretary', format: 'md' })).status).toBe(403);
    const detail = (await auditor.page('/activities/web-combined-1')).text;
    expect(detail).not.toContain('作废此活动');
    expect(detail).not.toContain('/correct');
    const ledger = (await auditor.page('/ledger?org=b1&year=2025')).text;
    expect(ledger).not.toContain('href="/activities/new');
  });

  it('shows the auditor the history with actors and times, the chain check, and the ledger as of an instant', async () => {
    const now = (await auditor.page('/audit?org=b1&year=2025')).text;
    expect(now).toMatch(/完好：第一党支部 的 \d+ 条记录/);
    expect(now).toMatch(/更正活动<\/td>\s*<td class="small"><a href="\/activities\/web-combined-1">/);
    expect(now).toContain('<td>secretary1</td><td>网页</td>');
    expect(now).toContain('一季度党员大会暨书记讲党课');
    // Before anything was logged on the web (the seed is recorded at the fixed clock too, so pick a day earlier).
    const before = (await auditor.page('/audit?org=b1&year=2025&asOf=2025-06-19')).text;
    expect(before).toContain('截至 2025-06-19 23:59:59');
    expect(before).toContain('该时点没有活动记录');
    // Without ?year= the page looks at the year of the instant, not this year (2025).
    const lastYear = (await auditor.page('/audit?org=b1&asOf=2024-12-31')).text;
    expect(lastYear).toContain('<option value="2024" selected>2024年</option>');
    expect(lastYear).not.toContain('<option value="2025" selected>');
    const bad = await auditor.page('/audit?org=b1&asOf=yesterday');
    expect(bad.status).toBe(200);
    expect(fieldOf(bad.text, 'f-asof')).toContain('时间点格式无效');
  });

  it('lists late entries (补录) on the compliance board, and per-group rows for 党小组会', async () => {
    const html = (await secretary.page('/compliance?org=b1&year=2025')).text;
    expect(html).toContain('党小组会 · 每月≥1 · 第一党小组');
    expect(html).toContain('党小组会 · 每月≥1 · 第二党小组');
    expect(html).toMatch(/支部党员大会 · 每季度≥1<\/th>\s*<td class="pages-cell ok" colspan="3"/);
    expect(html).toMatch(/data-testid="late-entries"[\s\S]*2025-01-10[\s\S]*seed/);
    expect(html).toContain('谈心谈话 覆盖');
  });

  it('rolls a committee’s tally up and shows each branch’s row', async () => {
    const html = (await auditor.page('/tally?org=c1&year=2025&rollup=1')).text;
    expect(html).toMatch(/data-testid="rollup-table"[\s\S]*机关党委（合计）[\s\S]*第一党支部[\s\S]*第二党支部/);
    const own = (await auditor.page('/tally?org=c1&year=2025')).text;
    expect(own).toContain('所选期间没有活动记录');
  });

  it('compiles and downloads the report as Word, lists it and re-verifies it', async () => {
    // The Word file is binary: fetched raw, as the browser's download is.
    const body = new URLSearchParams({ org: 'b1', year: '2025', template: 'branch-secretary', format: 'docx', _csrf: secretary.csrfToken });
    const res = await fetch(`${srv.url}/reports/download`, {
      method: 'POST',
      body,
      headers: { cookie: secretary.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    expect(res.headers.get('content-disposition')).toContain('b1-2025-branch-secretary.docx');
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const xml = await zip.file('word/document.xml')?.async('string');
    expect(xml?.replace(/<[^>]+>/g, '')).toContain('第一党支部书记2025年度抓基层党建工作述职报告');
    const reportId = res.headers.get('x-report-id') ?? '';
    expect(reportId).not.toBe('');

    const list = (await auditor.page('/reports?org=b1')).text;
    expect(list).toContain(reportId);
    expect(list).not.toContain('action="/reports/preview"');
    const verify = (await auditor.page(`/reports/${reportId}/verify`)).text;
    expect(verify).toContain('复核通过');
    expect((await secretary2.page(`/reports/${reportId}/verify`)).status).toBe(403);
  });

  it('downloads the same report as Markdown and as JSON', async () => {
    const md = await secretary.form('/reports/download', { org: 'b1', year: '2025', template: 'branch-secretary', format: 'md' });
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(md.text).toContain('# 第一党支部书记2025年度抓基层党建工作述职报告');
    const json = await secretary.form('/reports/download', { org: 'b1', year: '2025', template: 'branch-secretary', format: 'json', zeroOk: 'warning-education' });
    expect(json.status).toBe(200);
    expect(JSON.parse(json.text)).toMatchObject({ org: { id: 'b1' }, year: 2025, zeroOk: ['warning-education'] });
    const bad = await secretary.form('/reports/download', { org: 'b1', year: '2025', template: 'branch-secretary', format: 'exe' });
    expect(bad.status).toBe(400);
  });

  it('refuses a template given as a file path', async () => {
    const res = await secretary.form('/reports/download', { org: 'b1', year: '2025', template: '/etc/passwd.hbs', format: 'md' });
    expect(res.status).toBe(400);
    expect(fieldOf(res.text, 'r-template')).toContain('没有名为');
  });

  it('previews a report with the filled numbers marked and the blanks listed', async () => {
    const res = await secretary.form('/reports/preview', { org: 'b1', year: '2025', template: 'branch-secretary' });
    expect(res.status).toBe(200);
    const html = res.text;
    expect(html).toContain('class="figure"');
    expect(html).toContain('data-testid="missing-blanks"');
    expect(html).toContain('数据来源');
  });

  it('fills an uploaded text draft (multipart, token in the URL) and lists its blanks', async () => {
    const form = new FormData();
    form.append('org', 'b1');
    form.append('year', '2025');
    form.append('draft', new Blob(['全年召开支部党员大会XX次，讲党课X次，组织主题党日**次。'], { type: 'text/plain' }), '我的草稿.txt');
    // A multipart body is parsed after the guard: the token rides in the query string (no header).
    const res = await secretary.request('POST', `/reports/fill?_csrf=${secretary.csrfToken}`, { body: form, noCsrf: true, headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = res.text;
    expect(html).toContain('data-testid="fill-blanks"');
    expect(html).toContain('我的草稿-已填.txt');
    const href = /href="data:text\/plain; charset=utf-8;base64,([^"]+)"/.exec(decodeHtml(html))?.[1] ?? '';
    expect(Buffer.from(href, 'base64').toString('utf8')).toContain('全年召开支部党员大会1次');
  });

  it('lets a secretary enrol members in scope only, and shows field errors', async () => {
    const ok = await secretary.form('/orgs/members', { org: 'g1', memberId: 'm7', name: '吴八', status: 'full', since: '2025-06-01' });
    expect(ok.status).toBe(303);
    const page = (await secretary.page('/orgs?org=g1')).text;
    expect(page).toContain('吴八');
    expect((await secretary.form('/orgs/members', { org: 'b2', memberId: 'm8', name: '外支部', since: '2025-06-01' })).status).toBe(403);
    const bad = await secretary.form('/orgs/members', { org: 'b1', memberId: 'm1', name: '', since: '2025-06-01' });
    expect(bad.status).toBe(400);
    const html = bad.text;
    expect(fieldOf(html, 'm-id')).toContain('field-error');
    expect(fieldOf(html, 'm-name')).toContain('field-error');
    expect(html).not.toContain('id="o-id"'); // only admins register organisations
    expect((await secretary.form('/orgs', { id: 'b3', name: '第三党支部', kind: 'branch', parentId: 'c1' })).status).toBe(403);
  });

  it('keeps accounts to admins: list, create with a one-time password', async () => {
    expect((await secretary.page('/accounts')).status).toBe(403);
    const list = (await admin.page('/accounts')).text;
    expect(list).toContain('secretary1');
    expect(list).toContain('auditor1');
    const created = await admin.form('/accounts', { username: 'newsec', role: 'secretary', orgId: 'b2', password: '' });
    expect(created.status).toBe(200);
    const html = created.text;
    const password = /data-testid="one-time-password"[\s\S]*?<code>([^<]+)<\/code>/.exec(html)?.[1];
    expect(password).toMatch(/^\S{10,}$/);
    const bad = await admin.form('/accounts', { username: 'X', role: 'secretary', orgId: '', password: 'short' });
    expect(bad.status).toBe(400);
    expect(fieldOf(bad.text, 'u-name')).toContain('field-error');
  });

  it('answers 404 for an unknown activity', async () => {
    expect((await secretary.page('/activities/no-such-activity')).status).toBe(404);
  });
});
