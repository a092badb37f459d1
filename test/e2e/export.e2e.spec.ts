import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { headersOf, readWorkbook, rowsOf, sheetOf } from '../../libs/ledger-io/src/export/read-workbook.spec-helper';
import type { TallyJson } from '../helpers/cli-json';
import { kindFigures } from '../helpers/cli-json';
import { lastYear } from '../helpers/dates';
import { CLI_BIN, cliEnv, cliOn, type CliResult } from '../helpers/run-cli';
import { createTempStore } from '../helpers/temp-store';

/** `taizhang export` as a secretary runs it: files appear in the working folder, or nowhere on error. */
const Y = lastYear();
const store = createTempStore('export');
const tz = cliOn(store.url);
const SHEETS = ['活动台账', '已作废', '支部党员大会', '支委会', '党小组会', '党课', '月度汇总', '党员参加情况', '执行情况'];

interface ExportJson {
  ok: boolean;
  file: string;
  format: string;
  encoding: string | null;
  activities: number;
  voided: number;
  sheets: string[];
  bytes: number;
}

/** Runs the CLI in a folder of the test's choosing (run-cli always uses the repository root). */
function exportIn(cwd: string, args: readonly string[]): Promise<CliResult<ExportJson>> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI_BIN, '--store', store.url, 'export', ...args], { cwd, env: cliEnv(), encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
      const failure = error as (Error & { code?: number | string }) | null;
      if (failure && typeof failure.code === 'string') return reject(failure);
      const parse = (text: string) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          return undefined;
        }
      };
      resolve({
        code: failure ? (typeof failure.code === 'number' ? failure.code : null) : 0,
        signal: null,
        stdout,
        stderr,
        json: parse(stdout) as ExportJson,
        errorJson: parse(stderr) as CliResult['errorJson'],
      });
    });
  });
}

function freshFolder(name: string): string {
  const dir = join(store.dir, name);
  mkdirSync(dir);
  return dir;
}

beforeAll(async () => {
  await tz.ok(['org', 'add', '--id', 'c1', '--name', '机关党委', '--kind', 'committee']);
  await tz.ok(['org', 'add', '--id', 'b1', '--name', '第一党支部', '--kind', 'branch', '--parent', 'c1']);
  await tz.ok(['org', 'add', '--id', 'b2', '--name', '第二党支部', '--kind', 'branch', '--parent', 'c1']);
  await tz.ok(['member', 'add', '--id', 'm1', '--name', '张三', '--org', 'b1', '--since', '2015-01-01']);
  await tz.ok(['member', 'add', '--id', 'm2', '--name', '李四', '--org', 'b1', '--since', '2015-01-01']);
  await tz.ok(['member', 'add', '--id', 'm3', '--name', '赵六', '--org', 'b2', '--since', '2015-01-01']);
  const log = (...args: string[]) => tz.ok(['log', '--org', 'b1', ...args]);
  await log('--id', 'a1', '--date', `${Y}-02-10`, '--kind', '支委会', '--headcount', '4', '--title', '研究工作');
  await log('--id', 'a2', '--date', `${Y}-03-05`, '--kind', '支部党员大会,党课', '--qualifier', '支部书记', '--title', '学习党史', '--attendees', 'm1', '--leave', 'm2');
  await log('--id', 'a3', '--date', `${Y}-04-01`, '--kind', '主题党日', '--title', '草稿主题', '--attendees', 'm1,m2');
  await tz.ok(['correct', 'a3', '--title', '参观红色基地', '--reason', '主题写错']);
  await log('--id', 'a4', '--date', `${Y}-05-01`, '--kind', '主题党日', '--title', '重复录入', '--headcount', '2');
  await tz.ok(['void', 'a4', '--reason', '重复']);
  await tz.ok(['log', '--org', 'b2', '--id', 'b2a', '--date', `${Y}-06-01`, '--kind', '支部党员大会', '--attendees', 'm3']);
});

afterAll(() => store.remove());

describe('taizhang export', () => {
  it('writes the workbook under its default name in the current folder, counting as the tally does', async () => {
    const cwd = freshFolder('default');
    const result = await exportIn(cwd, ['--org', 'b1', '--year', String(Y)]);
    expect(result.code).toBe(0);
    const file = join(cwd, `台账-第一党支部-${Y}.xlsx`);
    expect(readdirSync(cwd)).toEqual([`台账-第一党支部-${Y}.xlsx`]);
    expect(result.stdout).toContain('已导出 3 条活动记录，已作废 1 条');
    expect(result.stdout).toContain(file);

    const workbook = await readWorkbook(readFileSync(file));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(SHEETS);
    const tally = (await tz.ok<TallyJson>(['tally', '--org', 'b1', '--year', String(Y), '--json'])).json;
    expect(rowsOf(sheetOf(workbook, '支部党员大会'))).toHaveLength(kindFigures(tally, 'branch-assembly').count);
    expect(rowsOf(sheetOf(workbook, '党课'))).toHaveLength(kindFigures(tally, 'party-lecture').count);
    expect(rowsOf(sheetOf(workbook, '支委会'))).toHaveLength(kindFigures(tally, 'committee-meeting').count);

    const list = sheetOf(workbook, '活动台账');
    const headers = headersOf(list);
    const rows = rowsOf(list).map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
    expect(rows.map((r) => r['活动编号'])).toEqual(['a1', 'a2', 'a3']);
    expect(rows[1]).toMatchObject({ 活动类型: '支部党员大会、党课', 参会人员: '张三', 请假: '李四', 应到: 2, 实到: 1 });
    expect(rows[2]['主题']).toBe('参观红色基地');
    expect(list.getCell(2, headers.indexOf('日期') + 1).type).toBe(ExcelJS.ValueType.Date);
    expect(rowsOf(sheetOf(workbook, '已作废'))[0]).toContain('重复');
  });

  it('writes CSV to --out, in UTF-8 with a BOM or in GB18030, and reports it as JSON', async () => {
    const cwd = freshFolder('csv');
    const utf8 = await exportIn(cwd, ['--org', 'b1', '--year', String(Y), '--out', 'list.csv', '--json']);
    expect(utf8.code).toBe(0);
    expect(utf8.json).toMatchObject({ ok: true, file: join(cwd, 'list.csv'), format: 'csv', encoding: 'utf8', activities: 3, sheets: ['活动台账'] });
    const bytes = readFileSync(join(cwd, 'list.csv'));
    expect(utf8.json.bytes).toBe(bytes.length);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toMatch(/^日期,活动类型,/);
    expect(text).toContain(`${Y}-03-05,支部党员大会、党课,支部书记,学习党史`);

    const gb = await exportIn(cwd, ['--org', 'b1', '--year', String(Y), '--format', 'csv', '--encoding', 'gb18030', '--out', 'list-gbk.csv']);
    expect(gb.code).toBe(0);
    expect(gb.stdout).toContain('GB18030');
    expect(iconv.decode(readFileSync(join(cwd, 'list-gbk.csv')), 'gb18030')).toBe(text);
  });

  it('rolls up a committee with a 组织 column', async () => {
    const cwd = freshFolder('rollup');
    const result = await exportIn(cwd, ['--org', 'c1', '--year', String(Y), '--rollup', '--json']);
    expect(result.code).toBe(0);
    expect(result.json.file).toBe(join(cwd, `台账-机关党委-${Y}.xlsx`));
    const list = sheetOf(await readWorkbook(readFileSync(result.json.file)), '活动台账');
    expect(headersOf(list)[0]).toBe('组织');
    expect(rowsOf(list).map((r) => r[0])).toEqual(['第一党支部', '第一党支部', '第一党支部', '第二党支部']);
  });

  it('refuses bad input in Chinese and English, exit 2, writing nothing', async () => {
    const cwd = freshFolder('refused');
    const cases: { args: string[]; field: string }[] = [
      { args: ['--org', 'b1', '--year', '二〇二一'], field: 'year' },
      { args: ['--org', 'nowhere', '--year', String(Y)], field: 'orgId' },
      { args: ['--org', 'b1', '--year', String(Y), '--format', 'pdf'], field: 'format' },
      { args: ['--org', 'b1', '--year', String(Y), '--encoding', 'gb18030'], field: 'encoding' },
      { args: ['--org', 'b1', '--year', String(Y), '--out', join('no-such-folder', 'x.xlsx')], field: 'out' },
      { args: ['--org', 'b1', '--year', String(Y), '--format', 'csv', '--out', 'x.xlsx'], field: 'out' },
    ];
    for (const { args, field } of cases) {
      const text = await exportIn(cwd, args);
      expect([args.join(' '), text.code]).toEqual([args.join(' '), 2]);
      expect(text.stderr).toMatch(/错误：.*[\u4e00-\u9fff]/);
      expect(text.stderr).toMatch(/\nerror: /);
      const json = await exportIn(cwd, [...args, '--json']);
      expect(json.errorJson?.issues?.map((i) => i.field)).toEqual([field]);
    }
    expect(readdirSync(cwd)).toEqual([]);
    expect(existsSync(join(cwd, 'no-such-folder'))).toBe(false);
  });
});
