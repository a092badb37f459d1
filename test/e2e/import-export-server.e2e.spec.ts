import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { decodeHtml, hiddenField, type Client, type HttpResult, type TestServer } from '../helpers/server';
import { startPagesServer } from './pages-fixture';

/**
 * 导入台账 and 导出 on the server: the upload page (preview → confirm → result), the 台账 page's
 * download buttons, and their REST twins. Files are made here (CSV text, xlsx via exceljs).
 */
const HEADER = ['日期', '活动类型', '主题', '参会人员', '请假', '学时'];

function csvOf(rows: (string | number | null)[][]): string {
  const cell = (c: string | number | null) => {
    const text = c === null ? '' : String(c);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [HEADER, ...rows].map((r) => r.map(cell).join(',')).join('\r\n');
}

/** Two good rows (one a combined sitting), a bad date (row 4) and an unknown name (row 5). */
const MIXED_CSV = csvOf([
  ['2025-02-10', '支部党员大会', '二月党员大会', '张三、李四', '王五', 2],
  ['2025/3/12', '支部党员大会、党课（支部书记）', '三月党课', '张三、王五', null, 1.5],
  ['2025-13-01', '支委会', '坏日期', '张三', null, null],
  ['2025-04-01', '主题党日', '来了个陌生人', '张三、钱八', null, null],
]);

async function xlsxOf(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2025年台账');
  ws.addRow(HEADER);
  for (const r of rows) {
    const row = ws.addRow(r);
    row.eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = 'yyyy"年"m"月"d"日"';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const day = (d: string) => new Date(`${d}T00:00:00.000Z`);

/** A browser's multipart upload: the CSRF token in the URL (the body is read after the guard). */
function upload(who: Client, path: string, file: { name: string; bytes: Buffer | string }, fields: Record<string, string> = {}, accept = 'text/html'): Promise<HttpResult> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([typeof file.bytes === 'string' ? Buffer.from(file.bytes, 'utf8') : file.bytes]), file.name);
  const sep = path.includes('?') ? '&' : '?';
  return who.request('POST', `${path}${sep}_csrf=${encodeURIComponent(who.csrfToken)}`, { body: form, noCsrf: true, headers: { accept } });
}

const count = (html: string, testId: string) => Number(new RegExp(`data-testid="${testId}">(\\d+)<`).exec(html)?.[1]);

/** The problem table's rows as [sheet, row, column, reason]. */
function problemRows(html: string): string[][] {
  const table = /<table class="data" data-testid="import-problems">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr><td>(.*?)<\/td><td class="num">(.*?)<\/td><td>(.*?)<\/td><td>(.*?)<\/td><\/tr>/g)].map((m) => m.slice(1).map(decodeHtml));
}

describe('import and export on the server', () => {
  let srv: TestServer;
  let secretary: Client;
  let secretary2: Client;
  let auditor: Client;

  const activityCount = async (orgId = 'b1') => {
    await srv.ledger.catchUp();
    return (await srv.ledger.view.listActivities([orgId], '2025-01-01', '2025-12-31', { includeVoided: true })).length;
  };

  beforeAll(async () => {
    srv = await startPagesServer('io');
    secretary = await srv.login('secretary1');
    secretary2 = await srv.login('secretary2');
    auditor = await srv.login('auditor1');
  });

  afterAll(async () => {
    await srv?.close();
  });

  it('links the upload page from the 台账 page for writers, and the downloads for everyone', async () => {
    const page = (await secretary.page('/ledger?org=b1&year=2025')).text;
    expect(decodeHtml(page)).toContain('href="/imports/new?org=b1"');
    expect(decodeHtml(page)).toContain('href="/ledger/export?org=b1&year=2025&format=xlsx"');
    expect(decodeHtml(page)).toContain('href="/ledger/export?org=b1&year=2025&format=csv"');
    const auditorPage = (await auditor.page('/ledger?org=b1&year=2025')).text;
    expect(auditorPage).not.toContain('/imports/new');
    expect(auditorPage).toContain('导出 Excel');
    const form = await secretary.page('/imports/new?org=b1');
    expect(form.status).toBe(200);
    expect(form.text).toContain('导入台账 · 第一党支部');
    expect(form.text).toContain('enctype="multipart/form-data"');
    expect((await auditor.page('/imports/new?org=b1')).status).toBe(403);
  });

  it('previews a CSV: counts, the rows to import, every problem with row and column; nothing written', async () => {
    const before = await activityCount();
    const res = await upload(secretary, '/imports/preview', { name: '2025年台账.csv', bytes: MIXED_CSV }, { org: 'b1' });
    expect(res.status).toBe(200);
    const html = res.text;
    expect(count(html, 'count-ready')).toBe(2);
    expect(count(html, 'count-already')).toBe(0);
    expect(count(html, 'count-problems')).toBe(2);
    const problems = problemRows(html);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['2025年台账', '4', expect.stringContaining('日期'), expect.stringMatching(/日期/)],
        ['2025年台账', '5', expect.stringContaining('参会人员'), expect.stringContaining('钱八')],
      ]),
    );
    expect(html).toMatch(/data-testid="import-sample"[\s\S]*二月党员大会[\s\S]*三月党课/);
    expect(html).toContain('套会');
    expect(html).toContain('确认导入 2 条活动');
    expect(await activityCount()).toBe(before);
  });

  it('imports exactly the previewed rows on confirm; a second confirm and a re-upload add nothing', async () => {
    const before = await activityCount();
    const preview = await upload(secretary, '/imports/preview', { name: '导入测试.csv', bytes: MIXED_CSV.replace(/二月党员大会/, '二月党员大会（复）') }, { org: 'b1' });
    const token = hiddenField(preview.text, 'token') as string;
    expect(token).toMatch(/^[\w-]{20,}$/);

    const confirmed = await secretary.form('/imports/confirm', { token, org: 'b1' });
    expect(confirmed.status).toBe(200);
    expect(count(confirmed.text, 'count-imported')).toBe(2);
    expect(count(confirmed.text, 'count-problems')).toBe(2);
    expect(decodeHtml(confirmed.text)).toContain('href="/ledger?org=b1&year=2025"');
    expect(await activityCount()).toBe(before + 2);
    const events = await srv.ledger.store.readStream('org-b1');
    const last = events[events.length - 1];
    expect(last.metadata).toMatchObject({ actor: 'secretary1', source: 'import', file: '导入测试.csv' });

    const again = await secretary.form('/imports/confirm', { token, org: 'b1' });
    expect(again.status).toBe(200);
    expect(count(again.text, 'count-imported')).toBe(0);
    expect(count(again.text, 'count-already')).toBe(2);
    expect(again.text).toContain('此前已经导入');

    const reupload = await upload(secretary, '/imports/preview', { name: '导入测试.csv', bytes: MIXED_CSV.replace(/二月党员大会/, '二月党员大会（复）') }, { org: 'b1' });
    expect(count(reupload.text, 'count-ready')).toBe(0);
    expect(count(reupload.text, 'count-already')).toBe(2);
    expect(reupload.text).not.toContain('id="import-confirm"');
    expect(await activityCount()).toBe(before + 2);
  });

  it('imports an xlsx written by exceljs, with Chinese-format date cells', async () => {
    const before = await activityCount();
    const bytes = await xlsxOf([
      [day('2025-05-20'), '支委会', '五月支委会', '张三、李四', null, null],
      [day('2025-06-01'), '党小组会', '六月党小组会', '王五', null, 1],
    ]);
    const preview = await upload(secretary, '/imports/preview', { name: '台账.xlsx', bytes }, { org: 'b1' });
    expect(preview.status).toBe(200);
    expect(count(preview.text, 'count-ready')).toBe(2);
    expect(preview.text).toContain('五月支委会');
    expect(preview.text).toContain('2025-05-20');
    const confirmed = await secretary.form('/imports/confirm', { token: hiddenField(preview.text, 'token') as string });
    expect(count(confirmed.text, 'count-imported')).toBe(2);
    expect(await activityCount()).toBe(before + 2);
  });

  it('strict mode offers no confirm when a row has a problem', async () => {
    const res = await upload(secretary, '/imports/preview', { name: 'strict.csv', bytes: MIXED_CSV.replace(/二月/g, '严格二月') }, { org: 'b1', strict: '1' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('严格模式：文件中有');
    expect(res.text).not.toContain('id="import-confirm"');
  });

  it('refuses a wrong file type, a missing sheet, a stranger’s token and an auditor, in Chinese, writing nothing', async () => {
    const before = await activityCount();
    const docx = await upload(secretary, '/imports/preview', { name: '述职报告.docx', bytes: Buffer.from('PK\u0003\u0004 not really') }, { org: 'b1' });
    expect(docx.status).toBe(400);
    expect(docx.text).toContain('不支持的文件类型“.docx”');
    expect(docx.text).toMatch(/has-error[\s\S]*id="i-file"/);
    const xls = await upload(secretary, '/imports/preview', { name: '旧台账.xls', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]) }, { org: 'b1' });
    expect(xls.status).toBe(400);
    expect(xls.text).toContain('另存为');
    const sheet = await upload(secretary, '/imports/preview', { name: '台账.xlsx', bytes: await xlsxOf([]) }, { org: 'b1', sheet: '不存在' });
    expect(sheet.status).toBe(400);
    expect(sheet.text).toContain('没有名为“不存在”的工作表');
    const noFile = await secretary.request('POST', `/imports/preview?_csrf=${secretary.csrfToken}`, { body: (() => { const f = new FormData(); f.append('org', 'b1'); return f; })(), noCsrf: true, headers: { accept: 'text/html' } });
    expect(noFile.status).toBe(400);
    expect(noFile.text).toContain('请选择要导入的台账文件');

    const preview = await upload(secretary, '/imports/preview', { name: 'x.csv', bytes: csvOf([['2025-06-02', '主题党日', '别人的令牌', '张三', null, null]]) }, { org: 'b1' });
    const token = hiddenField(preview.text, 'token') as string;
    const stranger = await secretary2.form('/imports/confirm', { token });
    expect(stranger.status).toBe(410);
    expect(stranger.text).toContain('请重新上传');
    expect((await secretary.form('/imports/confirm', { token }, { noCsrf: true })).status).toBe(403);
    expect((await upload(auditor, '/imports/preview', { name: 'x.csv', bytes: MIXED_CSV }, { org: 'b1' })).status).toBe(403);
    expect((await upload(secretary2, '/imports/preview', { name: 'x.csv', bytes: MIXED_CSV }, { org: 'b1' })).status).toBe(403);
    expect(await activityCount()).toBe(before);
  });

  it('refuses a file over the size limit with a Chinese message (413)', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 10, 0x41);
    const page = await upload(secretary, '/imports/preview', { name: '大文件.csv', bytes: big }, { org: 'b1' });
    expect(page.status).toBe(413);
    expect(page.text).toContain('文件过大：导入的台账文件不能超过 20 MB');
    const api = await upload(secretary, '/api/orgs/b1/import', { name: '大文件.csv', bytes: big }, {}, 'application/json');
    expect(api.status).toBe(413);
    expect(api.body).toMatchObject({ error: 'too-large', issues: [{ field: 'file' }] });
  });

  it('downloads the 台账 as an xlsx exceljs reads, with a UTF-8 file name, and as CSV', async () => {
    const xlsx = await secretary.request('GET', '/ledger/export?org=b1&year=2025&format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('台账-第一党支部-2025.xlsx')}`);
    const raw = await fetch(`${srv.url}/ledger/export?org=b1&year=2025&format=xlsx`, { headers: { cookie: secretary.cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await raw.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('活动台账');
    expect(sheet).toBeDefined();
    const titles: string[] = [];
    sheet?.eachRow((row) => titles.push(row.values ? JSON.stringify(row.values) : ''));
    expect(titles.join('\n')).toContain('一月支委会');
    expect(titles.join('\n')).toContain('五月支委会');

    const csv = await fetch(`${srv.url}/ledger/export?org=b1&year=2025&format=csv`, { headers: { cookie: auditor.cookie } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('一月支委会');
    const gbk = await fetch(`${srv.url}/ledger/export?org=b1&year=2025&format=csv&encoding=gb18030`, { headers: { cookie: secretary.cookie } });
    expect(iconv.decode(Buffer.from(await gbk.arrayBuffer()), 'gb18030')).toContain('一月支委会');

    expect((await secretary.request('GET', '/ledger/export?org=b2&year=2025&format=xlsx')).status).toBe(403);
    const bad = await secretary.request('GET', '/ledger/export?org=b1&year=2025&format=pdf', { headers: { accept: 'text/html' } });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('导出格式“pdf”无效');
  });

  describe('REST API', () => {
    it('dry-runs and imports a file with JSON problems; 400 with the field on bad input', async () => {
      const csv = csvOf([
        ['2025-06-05', '主题党日', 'API 主题党日', '张三、李四', null, null],
        ['2025-06-06', '不知道什么会', '坏类型', '张三', null, null],
      ]);
      const before = await activityCount();
      const dry = await upload(secretary, '/api/orgs/b1/import?dryRun=true', { name: 'api.csv', bytes: csv }, {}, 'application/json');
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({ dryRun: true, rows: 2, ready: 1, imported: 0, problemRows: 1 });
      expect(dry.body.problems[0]).toMatchObject({ row: 3, column: '活动类型', field: 'kinds' });
      expect(await activityCount()).toBe(before);

      const strict = await upload(secretary, '/api/orgs/b1/import?strict=true', { name: 'api.csv', bytes: csv }, {}, 'application/json');
      expect(strict.body).toMatchObject({ refused: true, imported: 0 });
      expect(await activityCount()).toBe(before);

      const real = await upload(secretary, '/api/orgs/b1/import', { name: 'api.csv', bytes: csv }, {}, 'application/json');
      expect(real.status).toBe(200);
      expect(real.body).toMatchObject({ imported: 1, alreadyImported: 0, problemRows: 1 });
      const twice = await upload(secretary, '/api/orgs/b1/import', { name: 'api.csv', bytes: csv }, {}, 'application/json');
      expect(twice.body).toMatchObject({ imported: 0, alreadyImported: 1 });
      expect(await activityCount()).toBe(before + 1);

      const wrong = await upload(secretary, '/api/orgs/b1/import', { name: 'photo.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]) }, {}, 'application/json');
      expect(wrong.status).toBe(400);
      expect(wrong.body).toMatchObject({ error: 'invalid-input', issues: [{ field: 'file', message: expect.stringContaining('不支持的文件类型') }] });
      const flag = await upload(secretary, '/api/orgs/b1/import?dryRun=maybe', { name: 'api.csv', bytes: csv }, {}, 'application/json');
      expect(flag.status).toBe(400);
      expect(flag.body.issues[0].field).toBe('dryRun');
      expect((await upload(auditor, '/api/orgs/b1/import', { name: 'api.csv', bytes: csv }, {}, 'application/json')).status).toBe(403);
      expect((await upload(secretary, '/api/orgs/nope/import', { name: 'api.csv', bytes: csv }, {}, 'application/json')).status).toBe(403);
      expect(await activityCount()).toBe(before + 1);
    });

    it('exports with the file name and MIME type of the format; refuses a bad format', async () => {
      const res = await fetch(`${srv.url}/api/orgs/b1/export?year=2025&format=csv`, { headers: { cookie: auditor.cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('台账-第一党支部-2025.csv')}`);
      expect(Buffer.from(await res.arrayBuffer()).toString('utf8')).toContain('API 主题党日');
      const xlsx = await auditor.get('/api/orgs/c1/export?year=2025&rollup=true');
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
      const bad = await secretary.get('/api/orgs/b1/export?year=2025&format=doc');
      expect(bad.status).toBe(400);
      expect(bad.body.issues[0]).toMatchObject({ field: 'format' });
      expect((await secretary.get('/api/orgs/b1/export?year=2025&colour=red')).status).toBe(400);
      expect((await secretary.get('/api/orgs/b2/export?year=2025')).status).toBe(403);
    });
  });
});
