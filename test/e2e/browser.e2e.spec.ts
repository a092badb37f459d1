import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { TestServer } from '../helpers/server';
import { PASSWORDS, startPagesServer, TODAY } from './pages-fixture';

/**
 * The pages in a real browser: Debian's chromium (`apt-get install chromium`), driven by
 * playwright-core. No browser is ever downloaded: without /usr/bin/chromium the suite is skipped.
 * Every page visited is saved as a screenshot under test/artifacts/screenshots/.
 */
const CHROMIUM = process.env.TAIZHANG_CHROMIUM || '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SCREENSHOTS = join(__dirname, '..', 'artifacts', 'screenshots');

const suite = HAVE_CHROMIUM ? describe : describe.skip;
if (!HAVE_CHROMIUM) {
  process.stderr.write(`browser e2e skipped: ${CHROMIUM} not found (install Debian's chromium package; no browser is downloaded)\n`);
}

suite(`browser e2e (${HAVE_CHROMIUM ? CHROMIUM : `SKIPPED: ${CHROMIUM} not installed`})`, () => {
  let fx: TestServer;
  let browser: Browser;
  let activityId = '';

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    fx = await startPagesServer('browser');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  async function signIn(username: string, password: string, screenshot?: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${fx.url}/ledger`);
    expect(new URL(page.url()).pathname).toBe('/login');
    if (screenshot) await shot(page, screenshot);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await Promise.all([page.waitForURL((u) => u.pathname === '/ledger'), page.click('button[type="submit"]')]);
    return { context, page };
  }

  /** The text of the count cell of a kind in the tally table ('—' when the ledger has nothing). */
  async function tallyCount(page: Page, kind: string): Promise<string> {
    const cell = page.locator(`[data-testid="tally-table"] tr[data-kind="${kind}"]:not(.pages-subrow) td[data-measure="count"]`);
    return (await cell.count()) === 0 ? '—' : ((await cell.first().textContent()) ?? '').trim();
  }

  /** State of the first-quarter cell of the 支部党员大会 rule on the compliance board. */
  async function assemblyQ1(page: Page): Promise<string | null> {
    const row = page.locator('[data-testid="compliance-grid"] tr', { hasText: '支部党员大会' });
    return row.locator('td').first().getAttribute('data-state');
  }

  it('a secretary logs a combined sitting from the roster, sees tally and compliance change, and downloads the report', async () => {
    const { context, page } = await signIn('secretary1', PASSWORDS.user, 'login');
    await shot(page, 'ledger');

    await page.goto(`${fx.url}/tally?org=b1&year=2025`);
    expect(await tallyCount(page, 'branch-assembly')).toBe('—');
    await page.goto(`${fx.url}/compliance?org=b1&year=2025`);
    expect(await assemblyQ1(page)).toBe('short');

    // A refused form first: the messages sit next to the fields.
    await page.goto(`${fx.url}/activities/new`);
    await page.fill('#a-hours', '很多');
    await Promise.all([page.waitForLoadState('load'), page.click('button[data-submit]')]);
    expect(await page.locator('#a-kinds .field-error').textContent()).toContain('请至少填写一种活动类型');
    expect(await page.locator('.field.has-error:has(#a-hours) .field-error').textContent()).toContain('学时不是数字');
    await shot(page, 'activity-new-errors');

    // The roster follows the date: the script reloads it when the date field is left.
    await page.goto(`${fx.url}/activities/new`);
    await page.fill('#a-date', '2025-03-05');
    await Promise.all([page.waitForURL((u) => u.searchParams.get('date') === '2025-03-05'), page.locator('#a-date').blur()]);
    expect(page.url()).not.toContain('_csrf');
    expect(await page.locator('.pages-roster').textContent()).toContain('王五');
    expect(await page.locator('.pages-roster').textContent()).not.toContain('孙七');

    await page.check('#kind-branch-assembly');
    await page.check('#kind-party-lecture');
    await page.selectOption('#a-qualifier', 'secretary');
    await page.fill('#a-title', '一季度支部党员大会暨书记讲党课');
    await page.fill('#a-place', '党员活动室');
    await page.check('#status-m1-present');
    await page.check('#status-m2-present');
    await page.check('#status-m3-leave');
    await page.fill('#a-hours', '2');
    await shot(page, 'activity-new');
    await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/activities/') && u.searchParams.has('logged')), page.click('button[data-submit]')]);
    activityId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
    expect(await page.locator('h1').textContent()).toContain('一季度支部党员大会暨书记讲党课');
    expect(await page.locator('main').textContent()).toContain('支部党员大会 + 党课（套会）');
    await shot(page, 'activity-detail');

    // The browser's back button and a second submit of the same form add nothing.
    await page.goBack();
    await Promise.all([page.waitForURL((u) => u.searchParams.has('again')), page.click('button[data-submit]')]);
    expect(decodeURIComponent(new URL(page.url()).pathname.split('/')[2])).toBe(activityId);

    await page.goto(`${fx.url}/activities/${activityId}/correct`);
    await shot(page, 'activity-correct');

    await page.goto(`${fx.url}/ledger?org=b1&year=2025&month=3`);
    expect(await page.locator('table.ledger-table tbody tr').count()).toBe(1);

    await page.goto(`${fx.url}/tally?org=b1&year=2025`);
    expect(await tallyCount(page, 'branch-assembly')).toBe('1');
    expect(await tallyCount(page, 'party-lecture')).toBe('1');
    await shot(page, 'tally');

    await page.goto(`${fx.url}/compliance?org=b1&year=2025`);
    expect(await assemblyQ1(page)).toBe('ok');
    await shot(page, 'compliance');

    await page.goto(`${fx.url}/reports?org=b1&year=2025`);
    await shot(page, 'reports');
    await Promise.all([page.waitForURL((u) => u.pathname === '/reports/preview'), page.click('#report-form button.primary')]);
    expect(await page.locator('[data-testid="report-preview"] a.figure').count()).toBeGreaterThan(0);
    await shot(page, 'report-preview');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[name="format"][value="docx"]')]);
    expect(download.suggestedFilename()).toBe('b1-2025-branch-secretary.docx');
    const file = await download.path();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const zip = await JSZip.loadAsync(bytes);
    const text = ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
    expect(text).toContain('第一党支部书记2025年度抓基层党建工作述职报告');

    await page.goto(`${fx.url}/reports?org=b1&year=2025`);
    expect(await page.locator('[data-testid="report-list"] tbody tr').count()).toBeGreaterThanOrEqual(2);
    await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/verify')), page.locator('[data-testid="report-list"] a', { hasText: '复核' }).first().click()]);
    expect(await page.locator('[data-testid="verify-result"]').textContent()).toContain('复核通过');
    await shot(page, 'report-verify');

    await page.goto(`${fx.url}/orgs?org=b1`);
    await shot(page, 'orgs');

    // The same form on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${fx.url}/activities/new?date=${TODAY}`);
    await shot(page, 'activity-new-phone');
    await context.close();
  });

  it('an auditor sees the history, has no 登记 form, and a direct POST is refused', async () => {
    expect(activityId).not.toBe('');
    const { context, page } = await signIn('auditor1', PASSWORDS.user);
    expect(await page.locator('nav.site-nav').textContent()).not.toContain('登记活动');
    expect(await page.locator('a[href^="/activities/new"]').count()).toBe(0);

    await page.goto(`${fx.url}/audit?org=b1&year=2025`);
    const history = page.locator('[data-testid="audit-history"] tr', { hasText: activityId });
    expect(await history.count()).toBeGreaterThanOrEqual(1);
    expect(await history.first().textContent()).toContain('secretary1');
    expect(await page.locator('[data-testid="chain-verify"]').textContent()).toContain('完好');
    await shot(page, 'audit');

    await page.goto(`${fx.url}/activities/${activityId}`);
    expect(await page.locator('form[action$="/void"]').count()).toBe(0);

    const form = await page.goto(`${fx.url}/activities/new?org=b1`);
    expect(form?.status()).toBe(403);
    await shot(page, 'forbidden');

    // A hand-made POST with the auditor's own session and CSRF token: refused on the server.
    await page.goto(`${fx.url}/ledger`);
    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    const post = await context.request.post(`${fx.url}/activities/new`, {
      form: { _csrf: token, org: 'b1', activityId: 'auditor-post-1', date: '2025-03-06', kinds: 'theme-day' },
      headers: { accept: 'text/html' },
      maxRedirects: 0,
    });
    expect(post.status()).toBe(403);
    expect((await context.request.get(`${fx.url}/activities/auditor-post-1`, { headers: { accept: 'text/html' } })).status()).toBe(404);
    await context.close();
  });

  it('an admin sees the committee rolled up and manages accounts', async () => {
    const { context, page } = await signIn('admin', PASSWORDS.admin);
    await page.goto(`${fx.url}/tally?org=c1&year=2025&rollup=1`);
    expect(await page.locator('[data-testid="rollup-table"]').textContent()).toContain('第二党支部');
    await shot(page, 'tally-rollup');
    await page.goto(`${fx.url}/accounts`);
    expect(await page.locator('[data-testid="account-list"]').textContent()).toContain('auditor1');
    await shot(page, 'accounts');
    await context.close();
  });
});
