import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TestServer } from '../helpers/server';
import { PASSWORDS, startPagesServer } from './pages-fixture';

/**
 * 导入台账 and 导出 in a real browser (Debian's chromium via playwright-core, as browser.e2e.spec.ts;
 * skipped without /usr/bin/chromium): from the 台账 page, upload a CSV, read the preview, confirm,
 * see the rows on the 台账, then download the workbook with its Chinese file name.
 */
const CHROMIUM = process.env.TAIZHANG_CHROMIUM || '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SCREENSHOTS = join(__dirname, '..', 'artifacts', 'screenshots');

const suite = HAVE_CHROMIUM ? describe : describe.skip;

const CSV = [
  '日期,活动类型,主题,参会人员,请假,学时',
  '2025-02-12,支部党员大会,浏览器导入的党员大会,张三、李四,王五,2',
  '2025/4/8,"支部党员大会、党课（支部书记）",浏览器导入的党课,张三、王五,,1',
  '2025-04-31,支委会,日期不存在,张三,,',
].join('\r\n');

suite(`import/export in a browser (${HAVE_CHROMIUM ? CHROMIUM : 'SKIPPED: no chromium'})`, () => {
  let fx: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    fx = await startPagesServer('import-browser');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    await fx?.close();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  it('a secretary uploads a CSV, previews its problems, confirms, and downloads the 台账', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${fx.url}/login`);
    await page.fill('#username', 'secretary1');
    await page.fill('#password', PASSWORDS.user);
    await Promise.all([page.waitForURL((u) => u.pathname === '/ledger'), page.click('button[type="submit"]')]);

    await Promise.all([page.waitForURL((u) => u.pathname === '/imports/new'), page.click('[data-testid="ledger-import"]')]);
    const file = join(fx.store.dir, '2025年支部台账.csv');
    writeFileSync(file, CSV, 'utf8');
    await page.setInputFiles('#i-file', file);
    await shot(page, 'import-form');
    await Promise.all([page.waitForURL((u) => u.pathname === '/imports/preview'), page.click('#import-form button[type="submit"]')]);

    expect(await page.locator('[data-testid="count-ready"]').textContent()).toBe('2');
    expect(await page.locator('[data-testid="count-problems"]').textContent()).toBe('1');
    const problem = page.locator('[data-testid="import-problems"] tbody tr').first();
    expect(await problem.locator('td').nth(0).textContent()).toBe('2025年支部台账');
    expect(await problem.locator('td').nth(1).textContent()).toBe('4');
    expect(await problem.locator('td').nth(2).textContent()).toContain('日期');
    expect(await page.locator('[data-testid="import-sample"]').textContent()).toContain('浏览器导入的党课');
    await shot(page, 'import-preview');

    await Promise.all([page.waitForURL((u) => u.pathname === '/imports/confirm'), page.click('#import-confirm button[type="submit"]')]);
    expect(await page.locator('[data-testid="count-imported"]').textContent()).toBe('2');
    await shot(page, 'import-result');

    await Promise.all([page.waitForURL((u) => u.pathname === '/ledger'), page.click('[data-testid="import-ledger-link"]')]);
    expect(await page.locator('.ledger-table').textContent()).toContain('浏览器导入的党员大会');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="ledger-export-xlsx"]')]);
    expect(download.suggestedFilename()).toBe('台账-第一党支部-2025.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const titles: string[] = [];
    wb.getWorksheet('活动台账')?.eachRow((row) => titles.push(JSON.stringify(row.values)));
    expect(titles.join('\n')).toContain('浏览器导入的党课');
    await context.close();
  });
});
