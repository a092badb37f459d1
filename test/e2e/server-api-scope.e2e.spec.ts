import type { Client, HttpResult } from '../helpers/server';
import { countEvents } from '../helpers/store-file';
import { openApiLedger, upload, type ApiLedger } from './server-api/api-ledger';

/**
 * Every API route checks the account's scope on the server. Branch b2's secretary gets 403 on each
 * of b1's resources, by any route and with ids guessed right; the committee's auditor reads all of
 * them but gets 403 on every route that writes; accounts are for admins only. Nothing refused is written.
 */
let l: ApiLedger;
let Y: number;
let reportId: string;
let reportFile: Record<string, unknown>;
/** An instant after the ledger was set up, for an as-of replay. */
let asOf: string;

interface Route {
  name: string;
  call: (c: Client) => Promise<HttpResult>;
}

const draft = '本年度召开支部党员大会X次。\n';

/** Routes that only read b1 (POSTs among them send content to check, and record nothing). */
function readsOfB1(): Route[] {
  const get = (path: string): Route => ({ name: `GET ${path}`, call: (c) => c.get(path) });
  return [
    get('/api/orgs/b1'),
    get('/api/orgs/b1-g1'),
    get('/api/orgs/b1/members'),
    get(`/api/orgs/b1/members?on=${Y}-06-01`),
    get('/api/members/m1'),
    get('/api/activities/b1-act'),
    get(`/api/orgs/b1/activities?year=${Y}`),
    get(`/api/orgs/b1/tally?year=${Y}`),
    get(`/api/orgs/b1/tally?year=${Y}&asOf=${encodeURIComponent(asOf)}`),
    get(`/api/orgs/b1-g1/tally?year=${Y}`),
    get(`/api/orgs/b1/compliance?year=${Y}`),
    get('/api/orgs/b1/history'),
    get(`/api/orgs/b1/late?year=${Y}`),
    get('/api/verify?orgId=b1'),
    get('/api/orgs/b1/reports'),
    get(`/api/reports/${reportId}`),
    get(`/api/reports/${reportId}/verification`),
    { name: 'POST /api/reports/verification', call: (c) => c.post('/api/reports/verification', reportFile) },
    { name: 'POST /api/orgs/b1/fill', call: (c) => upload(c, `/api/orgs/b1/fill?year=${Y}`, 'draft', 'draft.txt', draft) },
  ];
}

/** Routes that record events in b1 (or about its members and activities). */
function writesToB1(): Route[] {
  const post = (path: string, body: unknown): Route => ({ name: `POST ${path}`, call: (c) => c.post(path, body) });
  return [
    post('/api/members', { id: 'x1', name: '新党员', orgId: 'b1', since: `${Y}-02-01` }),
    post('/api/members/m1/transfer', { toOrgId: 'b1-g1', on: `${Y}-09-01` }),
    post('/api/members/m1/status', { status: 'probationary', on: `${Y}-09-01` }),
    post('/api/members/m1/leave', { on: `${Y}-09-01`, reason: '调出' }),
    post('/api/activities', { id: 'guess-1', orgId: 'b1', date: `${Y}-09-01`, kinds: ['theme-day'], headcount: 3 }),
    post('/api/activities', { id: 'guess-2', orgId: 'b1-g1', date: `${Y}-09-01`, kinds: ['study-session'], headcount: 3 }),
    post('/api/activities/b1-act/corrections', { hours: 1, reason: '改' }),
    post('/api/activities/b1-act/void', { reason: '删' }),
    post('/api/orgs/b1/reports', { year: Y, template: 'branch-secretary' }),
  ];
}

/** Routes for admins only, whatever the org. */
function adminRoutes(): Route[] {
  const post = (path: string, body: unknown): Route => ({ name: `POST ${path}`, call: (c) => c.post(path, body) });
  return [
    post('/api/orgs', { id: 'b9', name: '新支部', kind: 'branch', parentId: 'b1' }),
    post('/api/orgs/b1/rename', { name: '改名支部' }),
    post('/api/orgs/b1/move', { parentId: 'b2' }),
    post('/api/orgs/b1/dissolve', { reason: '撤销' }),
    post('/api/users', { username: 'intruder', password: 'intruder-pass', role: 'admin' }),
    post('/api/users', { username: 'helper-b2', password: 'helper-pass-1', role: 'secretary', orgId: 'b2' }),
    post('/api/users/sec-b1/reset-password', { newPassword: 'taken-over-1' }),
    post('/api/users/sec-b1/disable', { reason: 'x' }),
    post('/api/users/sec-b1/enable', {}),
    { name: 'GET /api/users', call: (c) => c.get('/api/users') },
    { name: 'GET /api/users/sec-b1', call: (c) => c.get('/api/users/sec-b1') },
  ];
}

async function statuses(client: Client, routes: Route[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const route of routes) out[route.name] = (await route.call(client)).status;
  return out;
}

function all(routes: Route[], status: number): Record<string, number> {
  return Object.fromEntries(routes.map((r) => [r.name, status]));
}

beforeAll(async () => {
  l = await openApiLedger('scope');
  Y = l.year;
  const logged = await Promise.all([
    l.secretaryB1.post('/api/activities', { id: 'b1-act', orgId: 'b1', date: `${Y}-03-01`, kinds: ['branch-assembly', 'theme-day'], attendees: ['m1', 'm2'] }),
    l.secretaryB2.post('/api/activities', { id: 'b2-act', orgId: 'b2', date: `${Y}-03-02`, kinds: ['branch-assembly'], attendees: ['n1'] }),
  ]);
  for (const r of logged) expect(r.status).toBe(201);
  const compiled = await l.secretaryB1.post('/api/orgs/b1/reports', { year: Y, template: 'branch-secretary' });
  expect(compiled.status).toBe(201);
  reportId = compiled.body.reportId;
  reportFile = compiled.body;
  asOf = new Date().toISOString();
});

afterAll(() => l?.close());

describe('a secretary of branch b2', () => {
  it('gets 403 on every route that reads b1, and nothing is written', async () => {
    const before = countEvents(l.file);
    expect(await statuses(l.secretaryB2, readsOfB1())).toEqual(all(readsOfB1(), 403));
    expect(countEvents(l.file)).toBe(before);
  });

  it('gets 403 on every route that writes to b1, and nothing is written', async () => {
    const before = countEvents(l.file);
    expect(await statuses(l.secretaryB2, writesToB1())).toEqual(all(writesToB1(), 403));
    expect(countEvents(l.file)).toBe(before);
  });

  it('gets 403 on the admin routes', async () => {
    const before = countEvents(l.file);
    expect(await statuses(l.secretaryB2, adminRoutes())).toEqual(all(adminRoutes(), 403));
    expect(countEvents(l.file)).toBe(before);
  });

  it('cannot reach up to the committee, guess an org id, or move a member of b2 into b1', async () => {
    const before = countEvents(l.file);
    expect((await l.secretaryB2.get(`/api/orgs/c1/tally?year=${Y}&rollup=true`)).status).toBe(403);
    expect((await l.secretaryB2.get(`/api/orgs/c1/activities?year=${Y}&rollup=true`)).status).toBe(403);
    // An org that does not exist is out of scope too: the answer says nothing about what exists.
    expect((await l.secretaryB2.get(`/api/orgs/no-such-org/tally?year=${Y}`)).status).toBe(403);
    expect((await l.admin.get(`/api/orgs/no-such-org/tally?year=${Y}`)).status).toBe(404);
    expect((await l.secretaryB2.post('/api/members/n1/transfer', { toOrgId: 'b1' })).status).toBe(403);
    expect((await l.secretaryB2.post('/api/orgs/c1/reports', { year: Y, template: 'committee-secretary' })).status).toBe(403);
    expect(countEvents(l.file)).toBe(before);
  });

  it('cannot read b1 figures by sending a report file of b2 that names b1', async () => {
    const own = await l.secretaryB2.post('/api/orgs/b2/reports', { year: Y, template: 'branch-secretary' });
    expect(own.status).toBe(201);
    expect((await l.secretaryB2.post('/api/reports/verification', own.body)).status).toBe(200);
    const figures = (own.body.figures as { org: string }[]).map((f) => ({ ...f, org: 'b1' }));
    expect((await l.secretaryB2.post('/api/reports/verification', { ...own.body, figures })).status).toBe(403);
  });

  it('sees only b2 in the org list and verifies only b2', async () => {
    const orgs = await l.secretaryB2.get('/api/orgs');
    expect(orgs.body.orgs.map((o: { id: string }) => o.id)).toEqual(['b2']);
    const verify = await l.secretaryB2.get('/api/verify');
    expect(Object.keys(verify.body.heads)).toEqual(['org-b2']);
  });

  it('still works in b2 (the 403s are about scope, not a blanket refusal)', async () => {
    expect((await l.secretaryB2.get(`/api/orgs/b2/tally?year=${Y}`)).status).toBe(200);
    expect((await l.secretaryB2.get('/api/activities/b2-act')).status).toBe(200);
    expect((await l.secretaryB2.post('/api/activities/b2-act/corrections', { hours: 1, reason: '补学时' })).status).toBe(201);
  });
});

describe('an auditor of the committee', () => {
  it('reads every b1 route (200)', async () => {
    expect(await statuses(l.auditor, readsOfB1())).toEqual(all(readsOfB1(), 200));
  });

  it('reads the committee rolled up', async () => {
    const tally = await l.auditor.get(`/api/orgs/c1/tally?year=${Y}&rollup=true`);
    expect(tally.status).toBe(200);
    expect(tally.body.rollup).toBe(true);
  });

  it('gets 403 on every route that writes, even inside the scope, and nothing is written', async () => {
    const before = countEvents(l.file);
    const writes = [
      ...writesToB1(),
      { name: 'POST /api/activities (c1)', call: (c: Client) => c.post('/api/activities', { orgId: 'c1', date: `${Y}-09-01`, kinds: ['study-session'] }) },
      { name: 'POST /api/activities/nonexistent/void', call: (c: Client) => c.post('/api/activities/nonexistent/void', { reason: 'x' }) },
      { name: 'POST /api/members (bad body)', call: (c: Client) => c.post('/api/members', { orgId: 42 }) },
    ];
    expect(await statuses(l.auditor, writes)).toEqual(all(writes, 403));
    expect(await statuses(l.auditor, adminRoutes())).toEqual(all(adminRoutes(), 403));
    expect(countEvents(l.file)).toBe(before);
  });
});

describe('the secretary of b1, owner of those resources', () => {
  it('reads every b1 route (200)', async () => {
    expect(await statuses(l.secretaryB1, readsOfB1())).toEqual(all(readsOfB1(), 200));
  });

  it('cannot read b2 or the committee', async () => {
    expect((await l.secretaryB1.get('/api/activities/b2-act')).status).toBe(403);
    expect((await l.secretaryB1.get(`/api/orgs/b2/tally?year=${Y}`)).status).toBe(403);
    expect((await l.secretaryB1.get('/api/orgs/c1')).status).toBe(403);
    expect((await l.secretaryB1.get('/api/members/n1')).status).toBe(403);
  });
});
