import { lastYear } from '../../helpers/dates';
import { startTestServer, type Client, type HttpResult, type TestServer } from '../../helpers/server';

/**
 * The ledger the API e2e tests share: a committee with two branches (b1 with a 党小组), members
 * in each, and one account per role — b1's secretary, b2's secretary, the committee's auditor —
 * all created through the API by the first admin, on a real server over a real SQLite file.
 */
export interface ApiLedger {
  srv: TestServer;
  /** The store's SQLite file, for counting events behind the server's back. */
  file: string;
  year: number;
  admin: Client;
  secretaryB1: Client;
  secretaryB2: Client;
  auditor: Client;
  close(): Promise<void>;
}

export const USER_PASSWORD = 'a-good-password';

async function created(what: string, answer: Promise<HttpResult>): Promise<void> {
  const r = await answer;
  if (r.status !== 201) throw new Error(`${what}: expected 201, got ${r.status} ${r.text}`);
}

export async function openApiLedger(label: string): Promise<ApiLedger> {
  const srv = await startTestServer({ label });
  const year = lastYear();
  const admin = await srv.loginAsAdmin();
  const established = `${year - 5}-01-01`;
  const since = `${year - 1}-06-01`;
  await created('org c1', admin.post('/api/orgs', { id: 'c1', name: '机关党委', kind: 'committee', establishedOn: established }));
  await created('org b1', admin.post('/api/orgs', { id: 'b1', name: '第一党支部', kind: 'branch', parentId: 'c1', establishedOn: established }));
  await created('org b2', admin.post('/api/orgs', { id: 'b2', name: '第二党支部', kind: 'branch', parentId: 'c1', establishedOn: established }));
  await created('org g1', admin.post('/api/orgs', { id: 'b1-g1', name: '第一党小组', kind: 'group', parentId: 'b1', establishedOn: established }));
  for (const [id, name, orgId] of [
    ['m1', '张三', 'b1'],
    ['m2', '李四', 'b1'],
    ['m3', '王五', 'b1'],
    ['m4', '赵六', 'b1'],
    ['n1', '钱七', 'b2'],
    ['n2', '孙八', 'b2'],
  ]) {
    await created(`member ${id}`, admin.post('/api/members', { id, name, orgId, status: 'full', since }));
  }
  await created('user sec-b1', admin.post('/api/users', { username: 'sec-b1', password: USER_PASSWORD, role: 'secretary', orgId: 'b1' }));
  await created('user sec-b2', admin.post('/api/users', { username: 'sec-b2', password: USER_PASSWORD, role: 'secretary', orgId: 'b2' }));
  await created('user audit-c1', admin.post('/api/users', { username: 'audit-c1', password: USER_PASSWORD, role: 'auditor', orgId: 'c1' }));
  const [secretaryB1, secretaryB2, auditor] = await Promise.all([
    srv.login('sec-b1', USER_PASSWORD),
    srv.login('sec-b2', USER_PASSWORD),
    srv.login('audit-c1', USER_PASSWORD),
  ]);
  return { srv, file: srv.store.file, year, admin, secretaryB1, secretaryB2, auditor, close: () => srv.close() };
}

/** Uploads one file as a multipart form field, as a browser's file input sends it. */
export function upload<T = any>(client: Client, path: string, field: string, filename: string, content: string | Buffer): Promise<HttpResult<T>> {
  const form = new FormData();
  form.append(field, new Blob([typeof content === 'string' ? Buffer.from(content, 'utf8') : content]), filename);
  return client.request<T>('POST', path, { body: form });
}

/** POSTs bytes as they are (malformed JSON, other content types). */
export function postRaw<T = any>(client: Client, path: string, body: string, contentType: string): Promise<HttpResult<T>> {
  return client.request<T>('POST', path, { body, headers: { 'content-type': contentType } });
}
