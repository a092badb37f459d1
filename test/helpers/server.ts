import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CreateAccountCommand } from '../../libs/application/src/accounts/create-account.command';
import type { CommandMeta } from '../../libs/application/src/command-meta';
import type { Ledger } from '../../libs/application/src/ledger';
import { Clock, LEDGER } from '../../libs/application/src/tokens';
import type { ServerOptions } from '../../apps/server/src/server-options';
import { RunningServer, startServer } from '../../apps/server/src/start-server';
import { createTempStore, TempStore } from './temp-store';

/**
 * A real server for HTTP tests: its own temporary SQLite file, a random port on loopback, and
 * small helpers to sign in and to call the API or the pages the way a browser or a script would.
 *
 *   const srv = await startTestServer();
 *   const admin = await srv.loginAsAdmin();
 *   const res = await admin.post('/api/orgs', { id: 'b1', name: '第一支部', kind: 'branch' });
 *   expect(res.status).toBe(201);
 *   await srv.close();
 */

/** The first admin's password in test servers (TAIZHANG_ADMIN_PASSWORD's role). */
export const TEST_ADMIN_PASSWORD = 'test-admin-pass-2024';
/** The password `createAccount` gives when none is asked for. */
export const TEST_PASSWORD = 'test-user-pass-2024';
const TEST_META: CommandMeta = { actor: 'test', source: 'system' };

/** A clock tests can move (login throttling, session expiry, "today"): starts at the real time. */
export interface MovableClock extends Clock {
  advance(ms: number): void;
}

export function movableClock(start: Date = new Date()): MovableClock {
  let offset = 0;
  const startMs = start.getTime();
  const realStart = Date.now();
  return {
    now: () => new Date(startMs + (Date.now() - realStart) + offset),
    advance: (ms: number) => void (offset += ms),
  };
}

export interface TestServerOptions {
  /** Names the temporary directory. */
  label?: string;
  /** The first admin's password; null lets the server generate (and announce) one. Default TEST_ADMIN_PASSWORD. */
  adminPassword?: string | null;
  /** Reuse a store (e.g. to restart on it); default a fresh one, removed by close(). */
  store?: TempStore;
  /** Anything else startServer takes (demo, clock, secureCookies…). */
  options?: Partial<ServerOptions>;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  running: RunningServer;
  store: TempStore;
  /** What the server announced at start (one-time passwords, demo accounts). */
  announced: string[];
  commands: CommandBus;
  queries: QueryBus;
  ledger: Ledger;
  /** An anonymous client (no cookie). */
  anonymous: Client;
  /** Signs in over the API; throws unless it succeeds. */
  login(username: string, password?: string): Promise<Client>;
  loginAsAdmin(): Promise<Client>;
  /** Creates an account through the command bus (no HTTP), with TEST_PASSWORD unless told. */
  createAccount(account: TestAccount): Promise<{ username: string; password: string }>;
  /** createAccount, then login. */
  signedInAs(account: TestAccount): Promise<Client>;
  /** Stops the server, keeping the store. */
  stop(): Promise<void>;
  /** Stops the server and removes the store (unless it was passed in). */
  close(): Promise<void>;
}

export interface TestAccount {
  username: string;
  role: 'admin' | 'secretary' | 'auditor';
  orgId?: string | null;
  /** Omitted: TEST_PASSWORD; null: generated (and mustChangePassword). */
  password?: string | null;
  displayName?: string;
  mustChangePassword?: boolean;
}

/** Starts a server on a temporary store; close() it in afterAll. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const store = options.store ?? createTempStore(options.label ?? 'server');
  const announced: string[] = [];
  const running = await startServer({
    storeUrl: store.url,
    port: 0,
    host: '127.0.0.1',
    adminPassword: options.adminPassword === null ? undefined : (options.adminPassword ?? TEST_ADMIN_PASSWORD),
    announce: (line) => announced.push(line),
    ...options.options,
  }).catch((err: unknown) => {
    if (!options.store) store.remove();
    throw err;
  });
  const url = running.url;
  const commands = running.app.get(CommandBus);
  const server: TestServer = {
    url,
    port: running.port,
    running,
    store,
    announced,
    commands,
    queries: running.app.get(QueryBus),
    ledger: running.app.get<Ledger>(LEDGER),
    anonymous: client(url),
    login: (username, password = TEST_PASSWORD) => login(url, username, password),
    loginAsAdmin: () => login(url, 'admin', TEST_ADMIN_PASSWORD),
    async createAccount(account) {
      const result = await commands.execute(
        new CreateAccountCommand(
          {
            username: account.username,
            role: account.role,
            orgId: account.orgId ?? null,
            password: account.password === null ? undefined : (account.password ?? TEST_PASSWORD),
            displayName: account.displayName ?? null,
            mustChangePassword: account.mustChangePassword,
          },
          TEST_META,
        ),
      );
      return { username: result.account.username, password: result.generatedPassword ?? account.password ?? TEST_PASSWORD };
    },
    async signedInAs(account) {
      const { username, password } = await server.createAccount(account);
      return login(url, username, password);
    },
    stop: () => running.close(),
    async close() {
      await running.close();
      if (!options.store) store.remove();
    },
  };
  return server;
}

/** A response, its body parsed as JSON when it is JSON. */
export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined when the body is not JSON. */
  body: T;
  text: string;
  /** `Location` of a redirect (redirects are never followed). */
  location: string | null;
  /** Every Set-Cookie line. */
  setCookies: string[];
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Leave out the X-CSRF-Token header a signed-in client adds to mutating requests. */
  noCsrf?: boolean;
  /** Send this CSRF token instead of the session's. */
  csrfToken?: string;
}

/** A caller: anonymous, or signed in (it sends the cookie, and the CSRF token on POST/PUT/PATCH/DELETE). */
export interface Client {
  readonly baseUrl: string;
  /** `taizhang_session=…` (empty when anonymous). */
  readonly cookie: string;
  readonly csrfToken: string;
  /** The signed-in account as POST /api/session returned it. */
  readonly account: SessionAccountJson | undefined;
  get<T = any>(path: string, options?: RequestOptions): Promise<HttpResult<T>>;
  delete<T = any>(path: string, options?: RequestOptions): Promise<HttpResult<T>>;
  post<T = any>(path: string, body?: unknown, options?: RequestOptions): Promise<HttpResult<T>>;
  put<T = any>(path: string, body?: unknown, options?: RequestOptions): Promise<HttpResult<T>>;
  patch<T = any>(path: string, body?: unknown, options?: RequestOptions): Promise<HttpResult<T>>;
  /** A page as a browser asks for it (Accept: text/html). */
  page(path: string, options?: RequestOptions): Promise<HttpResult<undefined>>;
  /** A form post as a browser sends it (urlencoded, `_csrf` added unless given). */
  form(path: string, fields: Record<string, string | string[]>, options?: RequestOptions): Promise<HttpResult<undefined>>;
  /** Raw request with the client's cookie (and CSRF header on mutating methods). */
  request<T = any>(method: string, path: string, init?: { body?: RequestInit['body']; headers?: Record<string, string> } & RequestOptions): Promise<HttpResult<T>>;
}

export interface SessionAccountJson {
  username: string;
  role: string;
  orgId: string | null;
  displayName: string | null;
  mustChangePassword: boolean;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A client of `baseUrl`, anonymous unless a session is given. */
export function client(baseUrl: string, session: { cookie: string; csrfToken: string; account?: SessionAccountJson } = { cookie: '', csrfToken: '' }): Client {
  const request = async <T>(
    method: string,
    path: string,
    init: { body?: RequestInit['body']; headers?: Record<string, string> } & RequestOptions = {},
  ): Promise<HttpResult<T>> => {
    const headers: Record<string, string> = { ...init.headers };
    if (session.cookie) headers.cookie = headers.cookie ? `${session.cookie}; ${headers.cookie}` : session.cookie;
    const token = init.csrfToken ?? session.csrfToken;
    if (MUTATING.has(method) && token && !init.noCsrf) headers['x-csrf-token'] = token;
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body: init.body, redirect: 'manual' });
    return resultOf<T>(res);
  };
  const withJson = (method: string) => <T>(path: string, body?: unknown, options: RequestOptions = {}) =>
    request<T>(method, path, {
      ...options,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
    });
  return {
    baseUrl,
    cookie: session.cookie,
    csrfToken: session.csrfToken,
    account: session.account,
    request,
    get: (path, options) => request('GET', path, options),
    delete: (path, options) => request('DELETE', path, options),
    post: withJson('POST'),
    put: withJson('PUT'),
    patch: withJson('PATCH'),
    page: (path, options = {}) => request('GET', path, { ...options, headers: { accept: 'text/html,application/xhtml+xml', ...options.headers } }),
    form: (path, fields, options = {}) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
      if (!('_csrf' in fields) && session.csrfToken && !options.noCsrf) params.append('_csrf', options.csrfToken ?? session.csrfToken);
      return request('POST', path, {
        ...options,
        noCsrf: true, // a browser form carries the token in the body, not a header
        body: params.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html,application/xhtml+xml', ...options.headers },
      });
    },
  };
}

/** Signs in with POST /api/session; throws with the server's answer unless it is 200. */
export async function login(baseUrl: string, username: string, password: string): Promise<Client> {
  const res = await client(baseUrl).post<{ csrfToken: string; account: SessionAccountJson }>('/api/session', { username, password });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${res.text}`);
  const cookie = cookieFrom(res.setCookies, 'taizhang_session');
  if (!cookie) throw new Error(`login as ${username}: no session cookie in ${JSON.stringify(res.setCookies)}`);
  return client(baseUrl, { cookie, csrfToken: res.body.csrfToken, account: res.body.account });
}

/**
 * Signs in the way a browser does: GET /login (the login token cookie and hidden field), then the
 * form post. Returns the signed-in client and the redirect the form answered with.
 */
export async function loginViaForm(baseUrl: string, username: string, password: string, next?: string): Promise<{ client: Client; location: string | null }> {
  const page = await client(baseUrl).page(`/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  const loginCookie = cookieFrom(page.setCookies, 'taizhang_login_csrf');
  const token = hiddenField(page.text, '_csrf');
  if (!loginCookie || !token) throw new Error(`login page without its token: ${page.status} ${page.text.slice(0, 200)}`);
  const posted = await client(baseUrl).form(
    '/login',
    { _csrf: token, username, password, next: hiddenField(page.text, 'next') ?? '' },
    { headers: { cookie: loginCookie } },
  );
  const cookie = cookieFrom(posted.setCookies, 'taizhang_session');
  if (posted.status !== 303 || !cookie) throw new Error(`form login as ${username} failed: ${posted.status} ${posted.text.slice(0, 300)}`);
  const session = await client(baseUrl, { cookie, csrfToken: '' }).get<{ csrfToken: string; account: SessionAccountJson }>('/api/session');
  return { client: client(baseUrl, { cookie, csrfToken: session.body.csrfToken, account: session.body.account }), location: posted.location };
}

/** `name=value` of the named cookie among Set-Cookie lines (undefined when absent or cleared). */
export function cookieFrom(setCookies: readonly string[], name: string): string | undefined {
  const line = setCookies.find((c) => c.startsWith(`${name}=`));
  const pair = line?.split(';')[0];
  return pair && pair !== `${name}=` ? pair : undefined;
}

/** The value of a hidden input in an HTML page (`<input … name="_csrf" value="…">`). */
export function hiddenField(html: string, name: string): string | undefined {
  for (const tag of html.match(/<input\b[^>]*>/g) ?? []) {
    if (new RegExp(`\\bname="${name}"`).test(tag)) {
      const value = /\bvalue="([^"]*)"/.exec(tag)?.[1];
      return value === undefined ? undefined : decodeHtml(value);
    }
  }
  return undefined;
}

/** Undoes Handlebars' escaping of attribute values. */
export function decodeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#x27|#x60|#x3D);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#x60': '`', '#x3D': '=' })[e] as string);
}

async function resultOf<T>(res: Response): Promise<HttpResult<T>> {
  const text = await res.text();
  let body: unknown;
  if ((res.headers.get('content-type') ?? '').includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  return { status: res.status, headers: res.headers, body: body as T, text, location: res.headers.get('location'), setCookies: res.headers.getSetCookie() };
}
