import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { ImportOutcomeJson } from '../../libs/application/src/import';
import type { ListJson } from '../helpers/cli-json';
import { lastYear } from '../helpers/dates';
import { cliOn } from '../helpers/run-cli';
import { countEvents } from '../helpers/store-file';
import { createTempStore } from '../helpers/temp-store';

/** `taizhang import` as a secretary runs it: a real process, files the test writes itself. */
const Y = lastYear();
const store = createTempStore('import');
const tz = cliOn(store.url);
const file = (name: string) => join(store.dir, name);

type ImportJson = ImportOutcomeJson;

async function writeXlsx(path: string, rows: (string | number | Date | null)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${Y}年台账`);
  for (const row of rows) ws.addRow(row).eachCell((c) => (c.value instanceof Date ? (c.numFmt = 'yyyy"年"m"月"d"日"') : undefined));
  await wb.xlsx.writeFile(path);
}

const day = (md: string) => new Date(`${Y}-${md}T00:00:00.000Z`);

beforeAll(async () => {
  await tz.ok(['org', 'add', '--id', 'c1', '--name', '机关党委', '--kind', 'committee']);
  await tz.ok(['org', 'add', '--id', 'b1', '--name', '第一党支部', '--kind', 'branch', '--parent', 'c1']);
  await tz.ok(['member', 'add', '--id', 'm1', '--name', '张三', '--org', 'b1', '--since', `${Y - 2}-01-01`]);
  await tz.ok(['member', 'add', '--id', 'm2', '--name', '李四', '--org', 'b1', '--since', `${Y - 2}-01-01`]);
  await writeXlsx(file('ledger.xlsx'), [
    [`第一党支部${Y}年活动台账`],
    ['序号', '日期', '活动类型', '主题', '参会人员', '实到', '学时'],
    [1, day('03-05'), '支部党员大会、党课', '学习党章', '张三、李四', 2, 2],
    [2, `${Y}/3/12`, '主题党日', '志愿服务', '张三', null, null],
    [3, `${Y}.4.2`, '支委会', '研究发展党员', '张三、王五', null, null],
    [4, `${Y}-02-30`, '党课', '日期有误', null, null, null],
  ]);
});

afterAll(() => store.remove());

describe('taizhang import', () => {
  it('on a dry run lists every problem with sheet, row and column, in Chinese, and writes nothing', async () => {
    const before = countEvents(store.file);
    const result = await tz.run(['import', file('ledger.xlsx'), '--org', 'b1', '--dry-run']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`工作表“${Y}年台账” 第 5 行 “参会人员”列（E）：名册中没有“王五”`);
    expect(result.stdout).toContain(`工作表“${Y}年台账” 第 6 行 “日期”列（B）：日期不存在：${Y}-02-30`);
    expect(result.stdout).toContain('row 6, column "日期" (B): not a calendar date');
    expect(result.stdout).toContain('试运行（未写入任何记录）：可导入 2 条活动');
    expect(countEvents(store.file)).toBe(before);
  });

  it('with --strict imports nothing while any row has a problem', async () => {
    const before = countEvents(store.file);
    const result = await tz.run(['import', file('ledger.xlsx'), '--org', 'b1', '--strict', '--json']);
    expect(result.code).toBe(2);
    expect(result.json as ImportJson).toMatchObject({ strict: true, refused: true, imported: 0, problemRows: 2 });
    expect(countEvents(store.file)).toBe(before);
  });

  it('imports the valid rows, exits non-zero for the rest, and adds nothing the second time', async () => {
    const before = countEvents(store.file);
    const first = await tz.run(['import', file('ledger.xlsx'), '--org', 'b1']);
    expect(first.code).toBe(2);
    expect(first.stdout).toContain('导入完成：新增活动 2 条；有问题 2 行');
    // No progress bar when stderr is not a terminal.
    expect(first.stderr).not.toContain('█');
    expect(countEvents(store.file)).toBe(before + 2);

    const second = await tz.run(['import', file('ledger.xlsx'), '--org', 'b1', '--json']);
    expect(second.code).toBe(2);
    const json = second.json as ImportJson;
    expect(json).toMatchObject({ file: 'ledger.xlsx', org: 'b1', rows: 4, imported: 0, alreadyImported: 2, problemRows: 2 });
    expect(json.problems.map((p) => [p.row, p.column, p.field])).toEqual([
      [5, '参会人员', 'attendees'],
      [6, '日期', 'date'],
    ]);
    const text = await tz.run(['import', file('ledger.xlsx'), '--org', 'b1']);
    expect(text.stdout).toContain('已导入过，跳过 2 行');
    expect(countEvents(store.file)).toBe(before + 2);

    const list = await tz.ok<ListJson>(['list', '--org', 'b1', '--year', String(Y), '--json']);
    expect(list.json.activities.map((a) => [a.details.date, a.details.kinds])).toEqual([
      [`${Y}-03-05`, ['branch-assembly', 'party-lecture']],
      [`${Y}-03-12`, ['theme-day']],
    ]);

    // Last year's rows recorded today are back-filled; the 补录 list says they came from an import.
    const late = await tz.ok<{ entries: { source: string; type: string }[] }>(['late', '--org', 'b1', '--year', String(Y), '--json']);
    expect(late.json.entries.map((e) => [e.type, e.source])).toEqual([
      ['logged', 'import'],
      ['logged', 'import'],
    ]);
    expect((await tz.ok(['late', '--org', 'b1', '--year', String(Y)])).stdout).toContain('导入');
  });

  it('imports a GBK CSV saved by Chinese Excel, with a mapping file for its own words, and exits 0', async () => {
    const csv = ['时间,形式,到会同志', `${Y}年5月8日,书记讲党课,张三、李四`, `${Y}年5月9日,党课+主题党日,张三`].join('\r\n');
    writeFileSync(file('gbk.csv'), iconv.encode(csv, 'gbk'));
    writeFileSync(file('map.json'), JSON.stringify({ columns: { 时间: 'date', 形式: 'kinds', 到会同志: 'attendees' }, kinds: { 书记讲党课: '党课（支部书记）' } }));
    const before = countEvents(store.file);
    const result = await tz.run(['import', file('gbk.csv'), '--org', 'b1', '--map', file('map.json'), '--json']);
    expect(result.code).toBe(0);
    expect(result.json as ImportJson).toMatchObject({ imported: 2, problemRows: 0, problems: [] });
    expect(countEvents(store.file)).toBe(before + 2);
    const tally = await tz.ok<{ metrics: { kind: string; qualifier: string | null; measure: string; value: number }[] }>(['tally', '--org', 'b1', '--year', String(Y), '--json']);
    const count = (kind: string, qualifier: string | null = null) =>
      tally.json.metrics.find((m) => m.kind === kind && m.qualifier === qualifier && m.measure === 'count')?.value;
    expect([count('party-lecture'), count('party-lecture', 'secretary'), count('theme-day')]).toEqual([3, 1, 2]);
  });

  it('refuses files it cannot read and bad mapping files, bilingually, with exit 2', async () => {
    writeFileSync(file('old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    writeFileSync(file('bad-map.json'), '{"columns": {"时间": "when"}}');
    const cases = [
      [['import', file('missing.xlsx'), '--org', 'b1'], '文件不存在'],
      [['import', file('old.xls'), '--org', 'b1'], '另存为'],
      [['import', file('gbk.csv'), '--org', 'b1', '--map', file('bad-map.json')], '无法识别'],
      [['import', file('ledger.xlsx'), '--org', 'nowhere'], '组织 nowhere 不存在'],
      [['import', file('ledger.xlsx'), '--org', 'b1', '--sheet', '2000年'], '没有名为“2000年”的工作表'],
    ] as const;
    for (const [args, reason] of cases) {
      const result = await tz.run(args);
      expect({ code: result.code, said: result.stderr.includes(reason) }).toEqual({ code: 2, said: true });
      expect(result.stderr).toMatch(/error: /);
    }
  });
});
