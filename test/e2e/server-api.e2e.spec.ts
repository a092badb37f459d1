import type { ComplianceJson, HistoryJson, ListJson, TallyJson } from '../helpers/cli-json';
import { kindFigures, metricValue } from '../helpers/cli-json';
import { cliOn } from '../helpers/run-cli';
import { countEvents } from '../helpers/store-file';
import { openApiLedger, postRaw, upload, type ApiLedger } from './server-api/api-ledger';

/**
 * The REST API on a real server over a real SQLite file: a secretary logs a combined sitting and
 * retries it, the figures match the CLI's `--json` on the same store, bad input is refused field by
 * field with nothing written, reports compile and drafts fill over HTTP, and the API documents itself.
 * (Scope checks of every route: server-api-scope.e2e.spec.ts.)
 */
let l: ApiLedger;
let Y: number;

beforeAll(async () => {
  l = await openApiLedger('api');
  Y = l.year;
});

afterAll(() => l?.close());

const events = () => countEvents(l.file);

function combinedSitting(id: string) {
  return {
    id,
    orgId: 'b1',
    date: `${Y}-03-05`,
    kinds: ['branch-assembly', 'party-lecture', 'theme-day'],
    qualifier: 'secretary',
    title: '学习贯彻党的二十大精神',
    attendees: ['m1', 'm2', 'm3'],
    leave: ['m4'],
    hours: 2,
  };
}

describe('sign-in and CSRF', () => {
  it('answers 401 without a session, on reads and writes alike', async () => {
    const anon = l.srv.anonymous;
    const read = await anon.get(`/api/orgs/b1/tally?year=${Y}`);
    expect(read.status).toBe(401);
    expect(read.body).toMatchObject({ error: 'unauthenticated' });
    const before = events();
    const write = await anon.post('/api/activities', combinedSitting('anon-1'));
    expect(write.status).toBe(401);
    expect(events()).toBe(before);
  });

  it('answers 403 to a POST without the session CSRF token, and writes nothing', async () => {
    const before = events();
    const r = await l.secretaryB1.post('/api/activities', combinedSitting('no-csrf-1'), { noCsrf: true });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ error: 'csrf' });
    expect(events()).toBe(before);
  });
});

describe('logging activities', () => {
  it('logs a combined sitting: 201 with the id, one event recorded by the secretary from the web', async () => {
    const before = events();
    const r = await l.secretaryB1.post('/api/activities', combinedSitting('b1-sitting-1'));
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ id: 'b1-sitting-1', alreadyLogged: false });
    expect(events()).toBe(before + 1);

    const activity = await l.secretaryB1.get('/api/activities/b1-sitting-1');
    expect(activity.status).toBe(200);
    expect(activity.body.details.kinds).toEqual(['branch-assembly', 'party-lecture', 'theme-day']);
    expect(activity.body.revisions[0]).toMatchObject({ type: 'ActivityLogged', actor: 'sec-b1', source: 'web' });
  });

  it('retrying the same id with the same content adds nothing (200, alreadyLogged)', async () => {
    const before = events();
    for (let i = 0; i < 3; i++) {
      const r = await l.secretaryB1.post('/api/activities', combinedSitting('b1-sitting-1'));
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ id: 'b1-sitting-1', alreadyLogged: true });
    }
    expect(events()).toBe(before);
  });

  it('the same id with different content is a 409 conflict, and nothing is written', async () => {
    const before = events();
    const r = await l.secretaryB1.post('/api/activities', { ...combinedSitting('b1-sitting-1'), date: `${Y}-03-06` });
    expect(r.status).toBe(409);
    expect(r.body.error).toBe('conflict');
    expect(r.body.issues.map((i: { field: string }) => i.field)).toContain('activityId');
    expect(events()).toBe(before);
  });

  it('concurrent identical posts under one id store exactly one event', async () => {
    const before = events();
    const body = { ...combinedSitting('b1-race-1'), date: `${Y}-04-02`, kinds: ['committee-meeting'], qualifier: undefined };
    const answers = await Promise.all(Array.from({ length: 12 }, () => l.secretaryB1.post('/api/activities', body)));
    for (const a of answers) {
      expect([200, 201]).toContain(a.status);
      expect(a.body.id).toBe('b1-race-1');
    }
    expect(events()).toBe(before + 1);
  });

  it('without an id the server chooses one from the date', async () => {
    const r = await l.secretaryB1.post('/api/activities', { orgId: 'b1', date: `${Y}-05-08`, kinds: ['支委会'], headcount: 5 });
    expect(r.status).toBe(201);
    expect(r.body.id).toMatch(new RegExp(`^${Y}0508-[a-z0-9]{8}$`));
  });

  it('a 党小组会 names its groups; a roster member from another branch is refused', async () => {
    const good = await l.secretaryB1.post('/api/activities', { id: 'b1-group-1', orgId: 'b1', date: `${Y}-05-20`, kinds: ['group-meeting'], groups: ['b1-g1'], headcount: 4 });
    expect(good.status).toBe(201);
    const bad = await l.secretaryB1.post('/api/activities', { orgId: 'b1', date: `${Y}-05-21`, kinds: ['theme-day'], attendees: ['n1'] });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { field: string }) => i.field)).toEqual(['attendees']);
  });
});

describe('input validation: 400 with field-level issues, nothing written', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['missing orgId', { date: '2020-03-05', kinds: ['theme-day'] }, ['orgId']],
    ['bad date', { orgId: 'b1', date: '2020-13-45', kinds: ['theme-day'] }, ['date']],
    ['unknown kind', { orgId: 'b1', date: '2020-03-05', kinds: ['tea-party'] }, ['kinds']],
    ['kinds as a string', { orgId: 'b1', date: '2020-03-05', kinds: 'theme-day' }, ['kinds']],
    ['headcount as a string', { orgId: 'b1', date: '2020-03-05', kinds: ['theme-day'], headcount: '12' }, ['headcount']],
    ['hours as an array', { orgId: 'b1', date: '2020-03-05', kinds: ['theme-day'], hours: [2] }, ['hours']],
    ['attendee id as a number', { orgId: 'b1', date: '2020-03-05', kinds: ['theme-day'], attendees: ['m1', 2] }, ['attendees']],
    ['orgId as a number', { orgId: 7, date: '2020-03-05', kinds: ['theme-day'] }, ['orgId']],
    ['a misspelt field', { orgId: 'b1', date: '2020-03-05', kinds: ['theme-day'], headcont: 3 }, ['headcont']],
    ['several at once', { orgId: 'b1', date: 5, kinds: 'x', headcount: '3' }, ['date', 'kinds', 'headcount']],
  ];

  it.each(cases)('%s', async (_name, body, fields) => {
    const before = events();
    const r = await l.secretaryB1.post('/api/activities', body);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('invalid-input');
    expect([...new Set(r.body.issues.map((i: { field: string }) => i.field))].sort()).toEqual([...fields].sort());
    for (const issue of r.body.issues) {
      expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
      expect(typeof issue.messageEn).toBe('string');
    }
    expect(events()).toBe(before);
  });

  it('refuses a body that is not a JSON object, or not JSON at all', async () => {
    const before = events();
    const array = await l.secretaryB1.post('/api/activities', [combinedSitting('arr-1')]);
    expect(array.status).toBe(400);
    expect(array.body.issues[0].field).toBe('body');
    const broken = await postRaw(l.secretaryB1, '/api/activities', '{"orgId": "b1",', 'application/json');
    expect(broken.status).toBe(400);
    expect(typeof broken.body.error).toBe('string');
    const text = await postRaw(l.secretaryB1, '/api/activities', 'orgId=b1', 'text/plain');
    expect(text.status).toBe(400);
    expect(events()).toBe(before);
  });

  it('refuses a body over the size limit with 413', async () => {
    const r = await l.secretaryB1.post('/api/activities', { ...combinedSitting('huge-1'), note: 'x'.repeat(1_200_000) });
    expect(r.status).toBe(413);
  });

  it('refuses repeated, unknown or malformed query parameters', async () => {
    expect((await l.secretaryB1.get(`/api/orgs/b1/tally?year=${Y}&year=${Y - 1}`)).status).toBe(400);
    const misspelt = await l.secretaryB1.get(`/api/orgs/b1/tally?year=${Y}&rolup=true`);
    expect(misspelt.status).toBe(400);
    expect(misspelt.body.issues[0].field).toBe('rolup');
    expect((await l.secretaryB1.get('/api/orgs/b1/tally?year=twenty')).status).toBe(400);
    expect((await l.secretaryB1.get(`/api/orgs/b1/tally?year=${Y}&rollup=maybe`)).status).toBe(400);
    expect((await l.secretaryB1.get('/api/orgs/b1/tally')).body.issues[0].field).toBe('year');
    expect((await l.secretaryB1.get(`/api/orgs/b1/activities?year=${Y}&month=13`)).status).toBe(400);
  });

  it('never answers 500 to odd values in any activity field', async () => {
    const fields = ['id', 'orgId', 'date', 'kinds', 'qualifier', 'title', 'attendees', 'absent', 'leave', 'observers', 'headcount', 'hours', 'quantity', 'unit', 'groups', 'note'];
    const odd: unknown[] = [null, true, -1, 1e308, '', '   ', [], [null], {}, { a: 1 }, 'x'.repeat(5000), '../../etc/passwd', '１２', NaN];
    for (const field of fields) {
      for (const value of odd) {
        // In b2: whatever odd value turns out valid is logged there, away from the b1 figures below.
        const r = await l.secretaryB2.post('/api/activities', { orgId: 'b2', date: `${Y}-06-01`, kinds: ['theme-day'], [field]: value });
        expect({ field, value, status: r.status < 500 }).toEqual({ field, value, status: true });
        if (r.status >= 400) expect(typeof r.body.error).toBe('string');
      }
    }
  });
});

describe('correcting and voiding', () => {
  it('corrects the hours with a reason (201) and the tally follows', async () => {
    const hours = async () => metricValue((await l.secretaryB1.get<TallyJson>(`/api/orgs/b1/tally?year=${Y}`)).body, 'party-lecture', null, 'hours');
    expect(await hours()).toBe(2);
    const r = await l.secretaryB1.post('/api/activities/b1-sitting-1/corrections', { hours: 3, reason: '学时登记有误' });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ id: 'b1-sitting-1', ok: true });
    const activity = await l.secretaryB1.get('/api/activities/b1-sitting-1');
    expect(activity.body.details.hours).toBe(3);
    expect(activity.body.revisions.map((v: { type: string }) => v.type)).toEqual(['ActivityLogged', 'ActivityCorrected']);
    expect(activity.body.revisions[1]).toMatchObject({ actor: 'sec-b1', source: 'web', reason: '学时登记有误', changedFields: ['hours'] });
    expect(await hours()).toBe(3);
  });

  it('refuses a correction without a reason, or one that changes nothing', async () => {
    const before = events();
    const noReason = await l.secretaryB1.post('/api/activities/b1-sitting-1/corrections', { hours: 4 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues.map((i: { field: string }) => i.field)).toEqual(['reason']);
    const nothing = await l.secretaryB1.post('/api/activities/b1-sitting-1/corrections', { hours: 3, reason: '再核对' });
    expect(nothing.status).toBe(400);
    expect(events()).toBe(before);
  });

  it('voids an activity with a reason; listing hides it unless includeVoided', async () => {
    const logged = await l.secretaryB1.post('/api/activities', { id: 'b1-mistake-1', orgId: 'b1', date: `${Y}-06-10`, kinds: ['seminar'], headcount: 6 });
    expect(logged.status).toBe(201);
    const r = await l.secretaryB1.post('/api/activities/b1-mistake-1/void', { reason: '重复登记' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ id: 'b1-mistake-1', ok: true });
    const listed = await l.secretaryB1.get<ListJson>(`/api/orgs/b1/activities?year=${Y}`);
    expect(listed.body.activities.map((a) => a.id)).not.toContain('b1-mistake-1');
    const all = await l.secretaryB1.get<ListJson>(`/api/orgs/b1/activities?year=${Y}&includeVoided=true`);
    expect(all.body.activities.find((a) => a.id === 'b1-mistake-1')?.voided).toBe(true);
    const again = await l.secretaryB1.post('/api/activities/b1-mistake-1/void', { reason: '再作废' });
    expect(again.status).toBe(400);
  });

  it('answers 404 for an activity that does not exist', async () => {
    expect((await l.secretaryB1.get('/api/activities/no-such-activity')).status).toBe(404);
    expect((await l.secretaryB1.post('/api/activities/no-such-activity/void', { reason: 'x' })).status).toBe(404);
  });
});

describe('the same JSON as the CLI --json, on the same store', () => {
  const cli = () => cliOn(l.srv.store.url);

  it('tally (own and rolled up), compliance, history, list and late equal the CLI output', async () => {
    const pairs: [string, string[]][] = [
      [`/api/orgs/b1/tally?year=${Y}`, ['tally', '--org', 'b1', '--year', String(Y)]],
      [`/api/orgs/c1/tally?year=${Y}&rollup=true`, ['tally', '--org', 'c1', '--year', String(Y), '--rollup']],
      [`/api/orgs/b1/tally?year=${Y}&period=${Y}-Q1`, ['tally', '--org', 'b1', '--year', String(Y), '--period', `${Y}-Q1`]],
      [`/api/orgs/b1/compliance?year=${Y}`, ['compliance', '--org', 'b1', '--year', String(Y)]],
      ['/api/orgs/b1/history', ['history', '--org', 'b1']],
      [`/api/orgs/b1/activities?year=${Y}&includeVoided=true`, ['list', '--org', 'b1', '--year', String(Y), '--include-voided']],
      [`/api/orgs/b1/late?year=${Y}`, ['late', '--org', 'b1', '--year', String(Y)]],
      ['/api/orgs/b1/members', ['member', 'list', '--org', 'b1']],
      ['/api/verify?orgId=b1', ['verify', '--org', 'b1']],
    ];
    for (const [path, args] of pairs) {
      const [api, fromCli] = await Promise.all([l.auditor.get(path), cli().ok(['--json', ...args])]);
      expect({ path, status: api.status }).toEqual({ path, status: 200 });
      expect(api.body).toEqual(fromCli.json);
    }
  });

  it('the tally counts the combined sitting once for each of its kinds', async () => {
    const tally = (await l.auditor.get<TallyJson>(`/api/orgs/b1/tally?year=${Y}`)).body;
    expect(metricValue(tally, 'branch-assembly', null, 'count')).toBe(1);
    expect(metricValue(tally, 'party-lecture', null, 'count')).toBe(1);
    expect(metricValue(tally, 'party-lecture', 'secretary', 'count')).toBe(1);
    expect(metricValue(tally, 'theme-day', null, 'count')).toBe(1);
    expect(kindFigures(tally, 'branch-assembly')).toMatchObject({ attendance: 3 });
    expect(metricValue(tally, 'seminar', null, 'count')).toBeUndefined();
    const compliance = (await l.auditor.get<ComplianceJson>(`/api/orgs/b1/compliance?year=${Y}`)).body;
    const q1 = compliance.rules.find((r) => r.kind === 'branch-assembly' && r.period === `${Y}-Q1`);
    expect(q1).toMatchObject({ should: 1, did: 1, ok: true });
  });

  it('history shows who recorded each event, from where, as of an instant', async () => {
    const history = (await l.auditor.get<HistoryJson & { events: { source: string }[] }>('/api/orgs/b1/history')).body;
    const logged = history.events.find((e) => e.type === 'ActivityLogged' && e.data.activityId === 'b1-sitting-1');
    expect(logged).toMatchObject({ actor: 'sec-b1', source: 'web' });
    const first = history.events[0].recordedAt;
    const asOf = await l.auditor.get<HistoryJson>(`/api/orgs/b1/history?asOf=${encodeURIComponent(first)}`);
    expect(asOf.body.events.length).toBeGreaterThanOrEqual(1);
    expect(asOf.body.events.length).toBeLessThan(history.events.length);
    expect((await l.auditor.get('/api/orgs/b1/history?asOf=yesterday')).status).toBe(400);
  });

  it('verify: the whole ledger for the admin, the account scope for the others', async () => {
    const whole = await l.admin.get('/api/verify');
    const [cliWhole] = [await cli().ok<{ ok: boolean; events: number }>(['--json', 'verify'])];
    expect(whole.body).toEqual(cliWhole.json);
    const scoped = await l.secretaryB1.get('/api/verify');
    expect(scoped.status).toBe(200);
    expect(scoped.body.ok).toBe(true);
    expect(Object.keys(scoped.body.heads).sort()).toEqual(['org-b1', 'org-b1-g1']);
    const committee = await l.auditor.get('/api/verify');
    expect(Object.keys(committee.body.heads).sort()).toEqual(['org-b1', 'org-b1-g1', 'org-b2', 'org-c1']);
  });
});

describe('year-end reports over HTTP', () => {
  let reportId: string;

  it('compiles to JSON with its figures, records it, and says under which id', async () => {
    const before = events();
    const r = await l.secretaryB1.post('/api/orgs/b1/reports', { year: Y, template: 'branch-secretary' });
    expect(r.status).toBe(201);
    expect(r.headers.get('content-type')).toContain('application/json');
    expect(r.body.org.id).toBe('b1');
    expect(r.body.year).toBe(Y);
    expect(r.body.figures.length).toBeGreaterThan(0);
    reportId = r.body.reportId;
    expect(r.headers.get('x-report-id')).toBe(reportId);
    type Figure = { metric: { kind: string; measure: string; qualifier: string | null }; side: string | null; value: number | null };
    const assemblies = (r.body.figures as Figure[]).filter(
      (f) => f.metric.kind === 'branch-assembly' && f.metric.measure === 'count' && f.metric.qualifier === null && f.side !== 'should',
    );
    expect(assemblies.length).toBeGreaterThan(0);
    for (const f of assemblies) expect(f.value).toBe(1);
    expect(events()).toBe(before + 1);
  });

  it('compiles to a Word file sent as an attachment', async () => {
    const r = await l.secretaryB1.post('/api/orgs/b1/reports', { year: Y, template: 'branch-secretary', format: 'docx' });
    expect(r.status).toBe(201);
    expect(r.text.slice(0, 2)).toBe('PK');
    expect(r.headers.get('content-type')).toContain('wordprocessingml');
    expect(r.headers.get('content-disposition')).toContain(`attachment; filename="b1-${Y}-branch-secretary.docx"`);
    expect(r.headers.get('x-report-id')).toMatch(/\S/);
  });

  it('compiles Markdown too, with the figures in the text', async () => {
    const r = await l.secretaryB1.post('/api/orgs/b1/reports', { year: Y, template: 'branch-secretary', format: 'md', zeroOk: ['seminar'] });
    expect(r.status).toBe(201);
    expect(r.headers.get('content-type')).toContain('text/markdown');
    expect(r.text).toContain('第一党支部');
  });

  it('refuses a template given as a path, an unknown template or format, with nothing recorded', async () => {
    const before = events();
    const path = await l.secretaryB1.post('/api/orgs/b1/reports', { year: Y, template: '../templates/branch-secretary' });
    expect(path.status).toBe(400);
    expect(path.body.issues[0].field).toBe('template');
    const unknown = await l.secretaryB1.post('/api/orgs/b1/reports', { year: Y, template: 'no-such-template' });
    expect(unknown.status).toBe(400);
    const format = await l.secretaryB1.post('/api/orgs/b1/reports', { year: Y, template: 'branch-secretary', format: 'exe' });
    expect(format.body.issues.map((i: { field: string }) => i.field)).toEqual(['format']);
    const year = await l.secretaryB1.post('/api/orgs/b1/reports', { year: String(Y), template: 'branch-secretary' });
    expect(year.body.issues.map((i: { field: string }) => i.field)).toEqual(['year']);
    expect(events()).toBe(before);
  });

  it('lists the recorded reports and re-verifies one, by id and as a file', async () => {
    const list = await l.auditor.get(`/api/orgs/b1/reports`);
    expect(list.status).toBe(200);
    expect(list.body.reports.map((r: { reportId: string }) => r.reportId)).toContain(reportId);
    const record = await l.auditor.get(`/api/reports/${reportId}`);
    expect(record.body).toMatchObject({ reportId, orgId: 'b1', actor: 'sec-b1', source: 'web' });
    const verification = await l.auditor.get(`/api/reports/${reportId}/verification`);
    expect(verification.status).toBe(200);
    expect(verification.body).toMatchObject({ reportId, ok: true, headsIntact: true, matchesAtRecording: true });
    const cliVerification = await cliOn(l.srv.store.url).ok(['--json', 'report', 'verify', reportId]);
    expect(verification.body).toEqual(cliVerification.json);

    const compiled = await l.secretaryB1.post('/api/orgs/b1/reports', { year: Y, template: 'branch-secretary' });
    const fromFile = await l.auditor.post('/api/reports/verification', compiled.body);
    expect(fromFile.status).toBe(200);
    expect(fromFile.body.ok).toBe(true);
    expect((await l.auditor.get('/api/reports/no-such-report/verification')).status).toBe(404);
  });
});

describe('filling a draft over HTTP', () => {
  const draft = `本年度召开支部党员大会X次，支部书记讲党课X次，组织XX村志愿服务。\n`;

  it('uploads a .txt draft and gets its blanks back, the figures filled', async () => {
    const r = await upload(l.secretaryB1, `/api/orgs/b1/fill?year=${Y}`, 'draft', '述职草稿.txt', draft);
    expect(r.status).toBe(200);
    expect(r.body.filename).toBe('述职草稿-已填.txt');
    const statuses = r.body.blanks.map((b: { status: string }) => b.status);
    expect(statuses).toEqual(['filled', 'filled', 'not-quantitative']);
    expect(r.body.blanks[0].value).toBe(1);
    expect(r.body.text).toBe(draft.replace('大会X次', '大会1次').replace('党课X次', '党课1次'));
  });

  it('download=true returns the filled file as an attachment with its UTF-8 name', async () => {
    const r = await upload(l.auditor, `/api/orgs/b1/fill?year=${Y}&download=true`, 'draft', '述职草稿.txt', draft);
    expect(r.status).toBe(200);
    expect(r.text).toContain('大会1次');
    expect(r.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('述职草稿-已填.txt')}`);
  });

  it('refuses a missing file, a file of another type, and a file over 5 MB', async () => {
    const wrongType = await upload(l.secretaryB1, `/api/orgs/b1/fill?year=${Y}`, 'draft', 'draft.pdf', '%PDF-1.4');
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.issues[0].field).toBe('draft');
    const wrongField = await upload(l.secretaryB1, `/api/orgs/b1/fill?year=${Y}`, 'file', 'draft.txt', draft);
    expect(wrongField.status).toBe(400);
    const none = await postRaw(l.secretaryB1, `/api/orgs/b1/fill?year=${Y}`, '{}', 'application/json');
    expect(none.status).toBe(400);
    const big = await upload(l.secretaryB1, `/api/orgs/b1/fill?year=${Y}`, 'draft', 'big.txt', Buffer.alloc(5 * 1024 * 1024 + 10, 0x41));
    expect(big.status).toBe(413);
    const broken = await upload(l.secretaryB1, `/api/orgs/b1/fill?year=${Y}`, 'draft', 'broken.docx', 'not a zip');
    expect(broken.status).toBe(400);
  });
});

describe('organisations, members and accounts', () => {
  it('lists only the orgs in the account scope', async () => {
    const mine = await l.secretaryB1.get('/api/orgs');
    expect(mine.body.orgs.map((o: { id: string }) => o.id).sort()).toEqual(['b1', 'b1-g1']);
    const all = await l.admin.get('/api/orgs');
    expect(all.body).toEqual((await cliOn(l.srv.store.url).ok(['--json', 'org', 'list'])).json);
  });

  it('a secretary enrols, changes status of and transfers members inside the scope', async () => {
    const enrol = await l.secretaryB1.post('/api/members', { id: 'm5', name: '周九', orgId: 'b1', status: 'probationary', since: `${Y}-01-15` });
    expect(enrol.status).toBe(201);
    expect(enrol.body).toEqual({ id: 'm5', ok: true });
    const status = await l.secretaryB1.post('/api/members/m5/status', { status: 'full', on: `${Y}-07-01` });
    expect(status.status).toBe(200);
    const transfer = await l.secretaryB1.post('/api/members/m5/transfer', { toOrgId: 'b1-g1', on: `${Y}-08-01` });
    expect(transfer.status).toBe(200);
    const member = await l.secretaryB1.get('/api/members/m5');
    expect(member.body).toMatchObject({ id: 'm5', orgId: 'b1-g1', status: 'full' });
    const duplicate = await l.secretaryB1.post('/api/members', { id: 'm5', name: '周九', orgId: 'b1' });
    expect(duplicate.status).toBe(400);
  });

  it('admins create accounts (201) and list them without password hashes', async () => {
    const created = await l.admin.post('/api/users', { username: 'sec-b1-deputy', password: 'another-password', role: 'secretary', orgId: 'b1' });
    expect(created.status).toBe(201);
    expect(created.body.account).toMatchObject({ username: 'sec-b1-deputy', role: 'secretary', orgId: 'b1' });
    const list = await l.admin.get('/api/users');
    expect(list.status).toBe(200);
    expect(list.body.accounts.map((a: { username: string }) => a.username)).toEqual(expect.arrayContaining(['admin', 'sec-b1', 'sec-b2', 'audit-c1', 'sec-b1-deputy']));
    expect(JSON.stringify(list.body)).not.toContain('passwordHash');
    const weak = await l.admin.post('/api/users', { username: 'weak', password: '123', role: 'secretary', orgId: 'b1' });
    expect(weak.status).toBe(400);
    expect(weak.body.issues.map((i: { field: string }) => i.field)).toContain('password');
    const taken = await l.admin.post('/api/users', { username: 'sec-b1', password: 'another-password', role: 'secretary', orgId: 'b1' });
    expect([400, 409]).toContain(taken.status);
  });

  it('a disabled account loses its session', async () => {
    const deputy = await l.srv.login('sec-b1-deputy', 'another-password');
    expect((await deputy.get('/api/orgs')).status).toBe(200);
    const disabled = await l.admin.post('/api/users/sec-b1-deputy/disable', { reason: '调离' });
    expect(disabled.status).toBe(200);
    expect((await deputy.get('/api/orgs')).status).toBe(401);
  });
});

describe('the API documents itself', () => {
  it('serves the Swagger UI at /api/docs and the OpenAPI document at /api/docs-json', async () => {
    const anon = l.srv.anonymous;
    const ui = await anon.get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toContain('text/html');
    expect(ui.text.toLowerCase()).toContain('swagger');
    const doc = await anon.get('/api/docs-json');
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths);
    for (const p of [
      '/api/session',
      '/api/orgs',
      '/api/members',
      '/api/users',
      '/api/activities',
      '/api/activities/{id}/corrections',
      '/api/activities/{id}/void',
      '/api/orgs/{id}/activities',
      '/api/orgs/{id}/tally',
      '/api/orgs/{id}/compliance',
      '/api/orgs/{id}/history',
      '/api/orgs/{id}/late',
      '/api/verify',
      '/api/orgs/{id}/reports',
      '/api/reports/{id}/verification',
      '/api/orgs/{id}/fill',
    ]) {
      expect(paths).toContain(p);
    }
    expect(paths.every((p) => p.startsWith('/api/'))).toBe(true);
    expect(doc.body.paths['/api/activities'].post.requestBody.content['application/json'].schema.required).toEqual(['orgId', 'date', 'kinds']);
  });
});
