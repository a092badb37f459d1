import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DisableAccountCommand } from '../../libs/application/src/accounts/disable-account.command';
import { ListAccountsQuery } from '../../libs/application/src/accounts/list-accounts.query';
import { accountStreamId } from '../../libs/domain/src/events/account-created';
import { CLI_BIN, cliEnv, exitOf } from '../helpers/run-cli';
import {
  client,
  cookieFrom,
  hiddenField,
  login,
  loginViaForm,
  movableClock,
  startTestServer,
  TEST_ADMIN_PASSWORD,
  TEST_PASSWORD,
  TestServer,
} from '../helpers/server';
import { createTempStore } from '../helpers/temp-store';

/**
 * Issue 4 §4: sessions, CSRF, throttling, first start, shutdown — a real server on a random
 * loopback port over a temporary SQLite file, spoken to with fetch.
 */

const NEW_PASSWORD = 'a-fresh-password-42';

/** The labels of the header's menu links. */
function navLabels(html: string): string[] {
  const nav = /<nav class="site-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  return [...nav.matchAll(/<a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
}

describe('signing in and out', () => {
  const clock = movableClock();
  let srv: TestServer;

  beforeAll(async () => {
    srv = await startTestServer({ label: 'auth', options: { clock } });
    await srv.createAccount({ username: 'wang', role: 'admin' });
  });
  afterAll(() => srv?.close());

  it('answers /healthz without a session', async () => {
    const res = await srv.anonymous.get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true });
  });

  it('signs in with the right password: CSRF token, account, and an HttpOnly SameSite=Lax session cookie', async () => {
    const res = await srv.anonymous.post('/api/session', { username: 'Admin', password: TEST_ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.csrfToken).toEqual(expect.any(String));
    expect(res.body.csrfToken.length).toBeGreaterThanOrEqual(40);
    expect(res.body.account).toEqual({ username: 'admin', role: 'admin', orgId: null, displayName: null, mustChangePassword: false });
    const line = res.setCookies.find((c) => c.startsWith('taizhang_session='));
    expect(line).toBeDefined();
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*SameSite=Lax/i);
    expect(line).toMatch(/;\s*Path=\//i);
    expect(line).not.toMatch(/;\s*Secure/i);
    // The session id is 32 random bytes, not the CSRF token.
    const id = (cookieFrom(res.setCookies, 'taizhang_session') as string).split('=')[1];
    expect(Buffer.from(id, 'base64url')).toHaveLength(32);
    expect(id).not.toBe(res.body.csrfToken);
  });

  it('says the same thing for a wrong password and an unknown user', async () => {
    const wrong = await srv.anonymous.post('/api/session', { username: 'admin', password: 'not-the-password' });
    const unknown = await srv.anonymous.post('/api/session', { username: 'nobody-here', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: 'bad-credentials', message: '用户名或密码错误' });
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.setCookies.some((c) => c.startsWith('taizhang_session=') && !c.startsWith('taizhang_session=;'))).toBe(false);
  });

  it('refuses a sign-in without a username or password as invalid input', async () => {
    const res = await srv.anonymous.post('/api/session', { username: 'admin' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid-input');
    expect(res.body.issues.map((i: { field: string }) => i.field)).toEqual(['password']);
  });

  it('takes the API sign-in only as JSON (a cross-site form cannot sign a browser in)', async () => {
    const res = await srv.anonymous.request('POST', '/api/session', {
      body: new URLSearchParams({ username: 'admin', password: TEST_ADMIN_PASSWORD }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect(cookieFrom(res.setCookies, 'taizhang_session')).toBeUndefined();
  });

  it('throttles a username after five failures in fifteen minutes, even with the right password, until the window passes', async () => {
    await srv.createAccount({ username: 'guessed', role: 'admin' });
    for (let i = 0; i < 5; i++) {
      const res = await srv.anonymous.post('/api/session', { username: 'guessed', password: `wrong-guess-${i}` });
      expect(res.status).toBe(401);
    }
    const throttled = await srv.anonymous.post('/api/session', { username: 'guessed', password: TEST_PASSWORD });
    expect(throttled.status).toBe(429);
    expect(throttled.body.error).toBe('throttled');
    expect(throttled.body.message).toMatch(/^登录失败次数过多，请 (1[0-5]|[1-9]) 分钟后再试$/);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    // Other usernames are not affected.
    expect((await srv.anonymous.post('/api/session', { username: 'wang', password: TEST_PASSWORD })).status).toBe(200);
    clock.advance(16 * 60 * 1000);
    expect((await srv.anonymous.post('/api/session', { username: 'guessed', password: TEST_PASSWORD })).status).toBe(200);
  });

  it('refuses the API without a session (401 JSON) and sends pages to the login form', async () => {
    const api = await srv.anonymous.get('/api/orgs');
    expect(api.status).toBe(401);
    expect(api.body).toEqual({ error: 'unauthenticated', message: '请先登录', messageEn: expect.any(String) });
    const page = await srv.anonymous.page('/password?x=1');
    expect(page.status).toBe(302);
    expect(page.location).toBe(`/login?next=${encodeURIComponent('/password?x=1')}`);
    const forged = await client(srv.url, { cookie: 'taizhang_session=made-up', csrfToken: '' }).get('/api/session');
    expect(forged.status).toBe(401);
  });

  it('tells who is signed in, with the CSRF token', async () => {
    const admin = await srv.loginAsAdmin();
    const res = await admin.get('/api/session');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ csrfToken: admin.csrfToken, account: admin.account });
  });

  it('refuses a mutating request without the CSRF token or with a wrong one (403)', async () => {
    const admin = await srv.loginAsAdmin();
    const missing = await admin.post('/api/orgs', { id: 'csrf-org', name: '某支部', kind: 'branch' }, { noCsrf: true });
    expect(missing.status).toBe(403);
    expect(missing.body).toMatchObject({ error: 'csrf', message: '页面已过期或缺少安全令牌，请刷新后重试' });
    const wrong = await admin.delete('/api/session', { csrfToken: 'x'.repeat(admin.csrfToken.length) });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toBe('csrf');
    // Another session's token is no good either.
    const other = await srv.loginAsAdmin();
    expect((await admin.delete('/api/session', { csrfToken: other.csrfToken })).status).toBe(403);
    // Nothing was done: the session lives, the org does not exist.
    expect((await admin.get('/api/session')).status).toBe(200);
    expect((await admin.get('/api/orgs/csrf-org')).status).toBe(404);
  });

  it('ends the session on logout (the old cookie is worthless)', async () => {
    const admin = await srv.loginAsAdmin();
    const out = await admin.delete('/api/session');
    expect(out.status).toBe(200);
    expect(out.setCookies.some((c) => /^taizhang_session=;/.test(c))).toBe(true);
    expect((await admin.get('/api/session')).status).toBe(401);
  });

  it('keeps an account with a one-time password to the password change, then lets it in; the event names the account', async () => {
    const { username, password } = await srv.createAccount({ username: 'newcomer', role: 'admin', password: null });
    const me = await login(srv.url, username, password);
    expect(me.account?.mustChangePassword).toBe(true);
    const blocked = await me.get('/api/orgs');
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ error: 'must-change-password', message: '请先修改初始密码' });
    expect((await me.get('/api/session')).status).toBe(200);

    const wrongOld = await me.post('/api/session/password', { oldPassword: 'not-it-at-all', newPassword: NEW_PASSWORD });
    expect(wrongOld.status).toBe(400);
    expect(wrongOld.body.error).toBe('invalid-input');
    expect(wrongOld.body.issues).toEqual([expect.objectContaining({ field: 'oldPassword', message: '原密码不正确' })]);

    const elsewhere = await login(srv.url, username, password);
    const changed = await me.post('/api/session/password', { oldPassword: password, newPassword: NEW_PASSWORD });
    expect(changed.status).toBe(200);
    expect(changed.body.account).toMatchObject({ username, mustChangePassword: false });
    expect((await me.get('/api/orgs')).status).toBe(200);
    // Other sessions of the account end with the old password.
    expect((await elsewhere.get('/api/session')).status).toBe(401);
    expect((await srv.anonymous.post('/api/session', { username, password })).status).toBe(401);
    expect((await srv.anonymous.post('/api/session', { username, password: NEW_PASSWORD })).status).toBe(200);

    const events = await srv.ledger.store.readStream(accountStreamId(username));
    const last = events[events.length - 1];
    expect(last.metadata).toMatchObject({ actor: username, source: 'web' });
  });

  it('ends the session of an account disabled meanwhile, and refuses it at the next login', async () => {
    await srv.createAccount({ username: 'leaving', role: 'admin' });
    const leaving = await srv.login('leaving');
    expect((await leaving.get('/api/session')).status).toBe(200);
    await srv.commands.execute(new DisableAccountCommand({ username: 'leaving' }, { actor: 'admin', source: 'web' }));
    expect((await leaving.get('/api/session')).status).toBe(401);
    const again = await srv.anonymous.post('/api/session', { username: 'leaving', password: TEST_PASSWORD });
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ error: 'account-disabled', message: '账号已停用，请联系管理员' });
  });

  it('signs in through the login form: double-submit token, redirect to where the user was going', async () => {
    const page = await srv.anonymous.page('/login?next=%2Fcompliance%3Fyear%3D2024');
    expect(page.status).toBe(200);
    expect(page.text).toContain('登录台账');
    expect(hiddenField(page.text, 'next')).toBe('/compliance?year=2024');
    const loginCookie = page.setCookies.find((c) => c.startsWith('taizhang_login_csrf='));
    expect(loginCookie).toMatch(/HttpOnly/i);
    expect(loginCookie).toMatch(/SameSite=Lax/i);

    // A form posted from elsewhere has no login cookie: refused, nobody signed in.
    const token = hiddenField(page.text, '_csrf') as string;
    const forged = await srv.anonymous.form('/login', { _csrf: token, username: 'admin', password: TEST_ADMIN_PASSWORD });
    expect(forged.status).toBe(403);
    expect(cookieFrom(forged.setCookies, 'taizhang_session')).toBeUndefined();

    const wrong = await srv.anonymous.form(
      '/login',
      { _csrf: token, username: 'admin', password: 'wrong-password!' },
      { headers: { cookie: cookieFrom(page.setCookies, 'taizhang_login_csrf') as string } },
    );
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('用户名或密码错误');
    expect(wrong.text).toContain('value="admin"');

    const { client: admin, location } = await loginViaForm(srv.url, 'admin', TEST_ADMIN_PASSWORD, '/compliance?year=2024');
    expect(location).toBe('/compliance?year=2024');
    expect((await admin.get('/api/session')).body.account.username).toBe('admin');
    // An open redirect is not possible through `next`.
    expect((await loginViaForm(srv.url, 'admin', TEST_ADMIN_PASSWORD, '//evil.example/')).location).toBe('/ledger');
  });

  it('signs out through the logout form (which needs the token too)', async () => {
    const { client: admin } = await loginViaForm(srv.url, 'admin', TEST_ADMIN_PASSWORD);
    const noToken = await admin.form('/logout', {}, { noCsrf: true });
    expect(noToken.status).toBe(403);
    expect(noToken.text).toContain('页面已过期或缺少安全令牌');
    expect((await admin.get('/api/session')).status).toBe(200);
    const out = await admin.form('/logout', {});
    expect(out.status).toBe(303);
    expect(out.location).toBe('/login');
    expect((await admin.get('/api/session')).status).toBe(401);
  });

  it('changes a one-time password through the form, showing problems next to the fields', async () => {
    const { username, password } = await srv.createAccount({ username: 'formuser', role: 'admin', password: null });
    const { client: me, location } = await loginViaForm(srv.url, username, password, '/tally');
    expect(location).toBe('/password');
    const page = await me.page('/password');
    expect(page.status).toBe(200);
    expect(page.text).toContain('请先设置自己的密码');
    expect(hiddenField(page.text, '_csrf')).toBe(me.csrfToken);

    const mismatch = await me.form('/password', { oldPassword: password, newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}x` });
    expect(mismatch.status).toBe(400);
    expect(mismatch.text).toContain('两次输入的新密码不一致');
    const weak = await me.form('/password', { oldPassword: password, newPassword: 'short', confirmPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.text).toMatch(/class="field has-error"[\s\S]*密码至少需要10个字符/);

    const done = await me.form('/password', { oldPassword: password, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/ledger');
    expect((await me.get('/api/session')).body.account.mustChangePassword).toBe(false);
    // The notice is shown once, on the next page.
    expect((await me.page('/password')).text).toContain('密码已修改');
    expect((await me.page('/password')).text).not.toContain('密码已修改');
  });

  it('sends a one-time-password account from any page to the password page', async () => {
    const { username, password } = await srv.createAccount({ username: 'pending', role: 'admin', password: null });
    const me = await srv.login(username, password);
    const page = await me.page('/ledger');
    expect(page.status).toBe(302);
    expect(page.location).toBe('/password');
    const posted = await me.form('/orgs', { id: 'x' });
    expect(posted.status).toBe(303);
    expect(posted.location).toBe('/password');
  });

  it('shows each role only the menu entries it may use, with the user and a logout form', async () => {
    await srv.ledger.catchUp();
    await srv.createAccount({ username: 'menu-admin', role: 'admin', displayName: '管理员老周' });
    const admin = await srv.login('menu-admin');
    const adminPage = (await admin.page('/password')).text;
    for (const label of ['台账', '登记活动', '合规看板', '统计', '述职报告', '审计', '组织与党员', '账号']) expect(navLabels(adminPage)).toContain(label);
    expect(adminPage).toContain('管理员老周');
    expect(adminPage).toMatch(/<form method="post" action="\/logout"[\s\S]*name="_csrf" value="[^"]+"/);

    const org = await admin.post('/api/orgs', { id: 'menu-b1', name: '菜单测试支部', kind: 'branch' });
    expect(org.status).toBe(201);
    await srv.createAccount({ username: 'menu-secretary', role: 'secretary', orgId: 'menu-b1' });
    await srv.createAccount({ username: 'menu-auditor', role: 'auditor', orgId: 'menu-b1' });
    const secretaryNav = navLabels((await (await srv.login('menu-secretary')).page('/password')).text);
    expect(secretaryNav).toEqual(['台账', '登记活动', '合规看板', '统计', '述职报告', '审计', '组织与党员']);
    const auditorNav = navLabels((await (await srv.login('menu-auditor')).page('/password')).text);
    expect(auditorNav).toEqual(['台账', '合规看板', '统计', '述职报告', '审计', '组织与党员']);
  });

  it('answers unknown routes with 404: JSON for the API, the Chinese error page for browsers', async () => {
    const admin = await srv.loginAsAdmin();
    const api = await admin.get('/api/no-such-thing');
    expect(api.status).toBe(404);
    const page = await admin.page('/no-such-page');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.text).toContain('页面不存在');
  });

  it('answers malformed JSON with 400 invalid-json', async () => {
    const res = await srv.anonymous.request('POST', '/api/session', { body: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid-json' });
  });
});

describe('first start', () => {
  it('creates one admin with a one-time password, printed once; a restart creates nothing', async () => {
    const store = createTempStore('first-start');
    try {
      const first = await startTestServer({ store, adminPassword: null });
      const line = first.announced.find((l) => l.startsWith('已创建管理员账号 admin'));
      const password = /初始密码：(\S+)（只显示这一次，请登录后修改）$/.exec(line ?? '')?.[1];
      expect(password).toBeDefined();
      const admin = await first.login('admin', password);
      expect(admin.account?.mustChangePassword).toBe(true);
      await first.stop();

      const second = await startTestServer({ store, adminPassword: 'another-password-99', options: { secureCookies: true } });
      expect(second.announced).toEqual([]);
      const { accounts } = await second.queries.execute(new ListAccountsQuery());
      expect(accounts.map((a) => a.username)).toEqual(['admin']);
      // The first password still works (the restart did not replace it); cookies are Secure when asked.
      const res = await second.anonymous.post('/api/session', { username: 'admin', password });
      expect(res.status).toBe(200);
      expect(res.setCookies.find((c) => c.startsWith('taizhang_session='))).toMatch(/;\s*Secure/i);
      await second.stop();
    } finally {
      store.remove();
    }
  });

  it('takes the admin password from the options without asking to change it', async () => {
    const srv = await startTestServer({ label: 'given-admin' });
    try {
      expect(srv.announced).toEqual(['已创建管理员账号 admin，密码为 TAIZHANG_ADMIN_PASSWORD 所设']);
      expect((await srv.loginAsAdmin()).account?.mustChangePassword).toBe(false);
    } finally {
      await srv.close();
    }
  });
});

describe('--demo', () => {
  it('loads the demo ledger and its secretary and auditor accounts, once', async () => {
    const store = createTempStore('demo');
    try {
      const first = await startTestServer({ store, options: { demo: true, demoPassword: 'demo-password-2024' } });
      expect(first.announced).toEqual([
        '已创建管理员账号 admin，密码为 TAIZHANG_ADMIN_PASSWORD 所设',
        expect.stringMatching(/^已载入示范台账：组织 \d+ 个，党员 \d+ 名，活动 \d+ 条$/),
        '已创建示范账号 demo-secretary（办公室党支部书记），密码为 TAIZHANG_DEMO_PASSWORD 所设',
        '已创建示范账号 demo-auditor（机关党委审计），密码为 TAIZHANG_DEMO_PASSWORD 所设',
      ]);
      const secretary = await first.login('demo-secretary', 'demo-password-2024');
      expect(secretary.account).toMatchObject({ role: 'secretary', orgId: 'demo-b1', mustChangePassword: false });
      const auditor = await first.login('demo-auditor', 'demo-password-2024');
      expect(auditor.account).toMatchObject({ role: 'auditor', orgId: 'demo-jgdw', mustChangePassword: false });
      expect((await secretary.get('/api/orgs/demo-b1')).status).toBe(200);
      const events = (await first.ledger.store.headPosition()).toString();
      await first.stop();

      const second = await startTestServer({ store, options: { demo: true } });
      expect(second.announced).toEqual([]);
      expect((await second.ledger.store.headPosition()).toString()).toBe(events);
      await second.stop();
    } finally {
      store.remove();
    }
  });
});

describe('graceful shutdown', () => {
  it('lets a request in flight finish (its event is stored) before closing the store', async () => {
    const store = createTempStore('shutdown');
    try {
      const srv = await startTestServer({ store });
      const admin = await srv.loginAsAdmin();
      let closing: Promise<void> | undefined;
      srv.running.app.getHttpServer().once('request', () => {
        closing = srv.stop();
      });
      const changed = await admin.post('/api/session/password', { oldPassword: TEST_ADMIN_PASSWORD, newPassword: NEW_PASSWORD });
      expect(closing).toBeDefined();
      await closing;
      expect(changed.status).toBe(200);
      await expect(fetch(`${srv.url}/healthz`)).rejects.toThrow();

      const again = await startTestServer({ store });
      expect((await again.anonymous.post('/api/session', { username: 'admin', password: NEW_PASSWORD })).status).toBe(200);
      await again.stop();
    } finally {
      store.remove();
    }
  });
});

describe('taizhang serve', () => {
  it('serves on the default store under ./data, logs requests as JSON lines, and exits 0 on SIGTERM', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'taizhang-e2e-serve-'));
    let child: ReturnType<typeof spawn> | undefined;
    try {
      child = spawn(process.execPath, [CLI_BIN, 'serve', '--port', '0'], {
        cwd,
        env: cliEnv({ TAIZHANG_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const ended = exitOf(child);
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      const lines: string[] = [];
      let waiters: { test: (l: string) => boolean; resolve: (l: string) => void }[] = [];
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
        lines.push(line);
        for (const w of waiters.filter((w) => w.test(line))) w.resolve(line);
        waiters = waiters.filter((w) => !w.test(line));
      });
      const lineMatching = (test: (l: string) => boolean) =>
        new Promise<string>((resolve, reject) => {
          const seen = lines.find(test);
          if (seen) return resolve(seen);
          waiters.push({ test, resolve });
          void ended.then((e) => reject(new Error(`serve exited (${JSON.stringify(e)}) first; stdout: ${lines.join('\n')}\nstderr: ${stderr}`)));
        });

      const started = await lineMatching((l) => l.startsWith('台账服务已启动：'));
      const url = /^台账服务已启动：(http:\/\/127\.0\.0\.1:\d+)$/.exec(started)?.[1];
      expect(url).toBeDefined();
      expect(lines).toContain('已创建管理员账号 admin，密码为 TAIZHANG_ADMIN_PASSWORD 所设');
      expect(existsSync(join(cwd, 'data', 'taizhang.db'))).toBe(true);

      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      await login(url as string, 'admin', TEST_ADMIN_PASSWORD);
      const logLine = await lineMatching((l) => l.includes('"path":"/api/session"'));
      expect(JSON.parse(logLine)).toMatchObject({ method: 'POST', path: '/api/session', status: 200, user: 'admin', ms: expect.any(Number) });

      child.kill('SIGTERM');
      expect(await ended).toEqual({ code: 0, signal: null });
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
