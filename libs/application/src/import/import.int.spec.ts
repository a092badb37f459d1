import { LogActivityCommand } from '../commands/activity.commands';
import type { StoredEvent } from '../../../event-store/src';
import type { ActivityLoggedData } from '../../../domain/src/events/activity-logged';
import { ImportFileError, parseMapping, readImportFile } from '../../../ledger-io/src/import';
import { readXlsx } from '../../../ledger-io/src/import/read-xlsx';
import {
  Cell,
  day,
  gbkCsv,
  IMPORT_NOW,
  IMPORT_TODAY,
  ImportFixture,
  openImportFixture,
  utf8BomCsv,
  utf8Csv,
  withBuiltinDateFormat,
  xlsxOf,
} from './import-fixture.spec-helper';
import { ImportPlan, planImport } from './plan-import';
import { runImport, RunImportOptions } from './run-import';

const HEADER: Cell[] = ['日期', '活动类型', '主题', '参会人员', '请假', '学时', '备注'];

interface ImportCall {
  fileName?: string;
  orgId?: string;
  sheet?: string;
  mapping?: string;
}

async function planOf(fx: ImportFixture, bytes: Buffer, call: ImportCall = {}): Promise<ImportPlan> {
  const parsed = await readImportFile({ bytes, fileName: call.fileName ?? '2021台账.xlsx', sheet: call.sheet, mapping: call.mapping ? parseMapping(call.mapping) : undefined });
  return planImport(fx.ledger, parsed, { orgId: call.orgId ?? 'b1', today: IMPORT_TODAY });
}

async function importOf(fx: ImportFixture, bytes: Buffer, call: ImportCall = {}, run: Partial<RunImportOptions> = {}) {
  const plan = await planOf(fx, bytes, call);
  return runImport(fx.ledger, plan, { actor: '组织委员', now: () => IMPORT_NOW, ...run });
}

async function activityEvents(fx: ImportFixture, stream = 'org-b1'): Promise<StoredEvent<ActivityLoggedData>[]> {
  const events = await fx.ledger.store.readStream(stream);
  return events.filter((e) => e.type === 'ActivityLogged') as StoredEvent<ActivityLoggedData>[];
}

async function eventCount(fx: ImportFixture): Promise<number> {
  return Number(await fx.ledger.store.headPosition());
}

const problemsOf = (plan: ImportPlan) => plan.problems.map((p) => ({ row: p.row, column: p.column, message: p.message }));

describe('importing an xlsx ledger', () => {
  let fx: ImportFixture;
  beforeEach(async () => {
    fx = await openImportFixture('xlsx');
  });
  afterEach(() => fx.close());

  it('reads every date form: date cells of any format, serials, the Chinese built-in formats and typed text', async () => {
    const rows: Cell[][] = [
      HEADER,
      [day('2021-03-01'), '党课', '日期单元格', null, null, null, null],
      ['2021-03-02', '党课', '横线', null, null, null, null],
      ['2021/3/3', '党课', '斜线', null, null, null, null],
      ['2021年3月4日', '党课', '年月日', null, null, null, null],
      ['2021.3.5', '党课', '圆点', null, null, null, null],
      [44265, '党课', '序列数', null, null, null, null],
      ['20210311', '党课', '八位数字', null, null, null, null],
    ];
    const plain = await xlsxOf({ 台账: rows });
    const chinese = await xlsxOf({ 台账: [HEADER, [day('2021-04-01'), '党课', '中文格式', null, null, null, null]] }, 'yyyy"年"m"月"d"日"');
    const builtin = await withBuiltinDateFormat(await xlsxOf({ 台账: [HEADER, [day('2021-05-01'), '党课', '内置格式31', null, null, null, null]] }), 31);
    // The reader really hands the built-in format over as a bare serial: the date column makes it a date.
    expect((await readXlsx(builtin)).sheets[0].rows[1].cells[0]).toBe(44317);

    for (const [bytes, fileName] of [
      [plain, 'a.xlsx'],
      [chinese, 'b.xlsx'],
      [builtin, 'c.xlsx'],
    ] as const) {
      const outcome = await importOf(fx, bytes, { fileName });
      expect(outcome.plan.problems).toEqual([]);
    }
    const dates = (await activityEvents(fx)).map((e) => [e.data.activity.title, e.data.activity.date]);
    expect(dates).toEqual([
      ['日期单元格', '2021-03-01'],
      ['横线', '2021-03-02'],
      ['斜线', '2021-03-03'],
      ['年月日', '2021-03-04'],
      ['圆点', '2021-03-05'],
      ['序列数', '2021-03-10'],
      ['八位数字', '2021-03-11'],
      ['中文格式', '2021-04-01'],
      ['内置格式31', '2021-05-01'],
    ]);
  });

  it('logs a combined sitting as one activity carrying each kind, with a bracketed qualifier', async () => {
    const bytes = await xlsxOf({
      台账: [
        HEADER,
        [day('2021-03-05'), '支部党员大会、党课（支部书记）', '套会', '张三、李四', null, 2, null],
        [day('2021-03-06'), '党课+主题党日', '套会二', null, null, null, null],
        [day('2021-03-07'), '支部党员大会暨主题党日', '套会三', null, null, null, null],
      ],
    });
    await importOf(fx, bytes);
    const activities = (await activityEvents(fx)).map((e) => e.data.activity);
    expect(activities.map((a) => [a.kinds, a.qualifier])).toEqual([
      [['branch-assembly', 'party-lecture'], 'secretary'],
      [['party-lecture', 'theme-day'], null],
      [['branch-assembly', 'theme-day'], null],
    ]);
    expect(activities[0].attendees).toEqual([
      { memberId: 'm1', status: 'present' },
      { memberId: 'm2', status: 'present' },
    ]);
  });

  it('matches people against the roster on the activity date and reports every unknown name', async () => {
    const bytes = await xlsxOf({
      台账: [
        ['日期', '活动类型', '主题', '参会人员', '请假', '缺席', '列席'],
        [day('2021-02-01'), '党课', '人都在', '张三、李四、王芳、钱七', '赵六', null, null],
        [day('2021-07-01'), '党课', '调走以后', '张三、赵六', null, null, null],
        [day('2021-07-02'), '党课', '离开以后', '张三', '钱七', null, null],
        [day('2021-07-03'), '党课', '查无此人', '张三、孙八', null, '周九', null],
        [day('2021-07-04'), '党课', '列席', '张三', null, null, '赵六'],
      ],
    });
    const outcome = await importOf(fx, bytes);
    expect(problemsOf(outcome.plan)).toEqual([
      { row: 3, column: '参会人员', message: '赵六（m4）在 2021-07-01 不是第一党支部的党员' },
      { row: 4, column: '请假', message: '钱七（m6）在 2021-07-02 不是第一党支部的党员' },
      { row: 5, column: '参会人员', message: '名册中没有“孙八”（第一党支部在 2021-07-03 的党员中找不到此人）' },
      { row: 5, column: '缺席', message: '名册中没有“周九”（第一党支部在 2021-07-03 的党员中找不到此人）' },
    ]);
    expect(outcome.imported).toBe(2);
    const [first, observed] = (await activityEvents(fx)).map((e) => e.data.activity);
    expect(first.attendees).toEqual([
      { memberId: 'm1', status: 'present' },
      { memberId: 'm2', status: 'present' },
      { memberId: 'm3', status: 'present' },
      { memberId: 'm6', status: 'present' },
      { memberId: 'm4', status: 'leave' },
    ]);
    expect(observed.attendees).toEqual([
      { memberId: 'm1', status: 'present' },
      { memberId: 'm4', status: 'observer' },
    ]);
  });

  it('checks every row first: bad rows are listed with sheet, row and column, good rows are imported', async () => {
    const bytes = await xlsxOf({
      一支部: [
        ['第一党支部活动台账（2021年）'],
        ['序号', '日期', '活动类型', '主题', '参会人员', '实到', '学时'],
        [1, '2021-02-30', '党课', '无此日', null, null, null],
        [2, '2021-03-05', '开会', '无此类型', null, null, null],
        [3, '2025-06-01', '党课', '未来', null, null, null],
        [4, '2021-03-06', '党课', '学时太多', null, null, 30],
        [5, '2021-03-07', '党课', '实到不是数字', null, '很多', null],
        [6, '2021-03-08', '党课', '实到少于名单', '张三、李四、王芳', 2, null],
        [7, null, '党课', '没有日期', null, null, null],
        [8, '2021-03-09', '民主生活会', '支部开不了', null, null, null],
        [9, '2021-03-10', '党课', '好的一行', '张三', null, 1.5],
        ['合计', null, null, null, null, null, 31.5],
      ],
    });
    const before = await eventCount(fx);
    const outcome = await importOf(fx, bytes);
    expect(outcome.plan.problems.every((p) => p.sheet === '一支部')).toBe(true);
    expect(outcome.plan.problems.map((p) => [p.row, p.column, p.columnLetter, p.field])).toEqual([
      [3, '日期', 'B', 'date'],
      [4, '活动类型', 'C', 'kinds'],
      [5, '日期', 'B', 'date'],
      [6, '学时', 'G', 'hours'],
      [7, '实到', 'F', 'present'],
      [8, '实到', 'F', 'headcount'],
      [9, '日期', 'B', 'date'],
      [10, '活动类型', 'C', 'kinds'],
    ]);
    expect(problemsOf(outcome.plan).map((p) => p.message)).toEqual([
      '日期不存在：2021-02-30',
      '未知的活动类型：开会',
      '活动日期晚于今天（2024-12-31）：2025-06-01',
      '学时不合理：30（一次活动不超过24学时）',
      '实到人数不是数字：很多',
      '实到人数 2 少于出席名单中的 3 人',
      '请填写活动日期',
      expect.stringContaining('不能开展“民主生活会”'),
    ]);
    expect(outcome.plan.problems.every((p) => p.messageEn.length > 0)).toBe(true);
    expect(outcome.plan.problemRows).toBe(8);
    expect(outcome.plan.notices.map((n) => n.message)).toContain('合计行，已跳过');
    expect(outcome.imported).toBe(1);
    expect(await eventCount(fx)).toBe(before + 1);
    expect((await activityEvents(fx))[0].data.activity).toMatchObject({ title: '好的一行', hours: 1.5, date: '2021-03-10' });
  });

  it('appends the same ActivityLogged a logged activity gets, recorded as an import of the file', async () => {
    const bytes = await xlsxOf({
      台账: [
        ['日期', '活动类型', '主题', '地点', '主持人', '主讲人', '参会人员', '请假', '实到', '学时', '成果', '备注'],
        [day('2021-03-05'), '党课', '学习党章', '党员活动室', '张三', '李四', '张三、李四', '王芳', 5, 2, '心得体会3篇', '补录'],
      ],
    });
    const outcome = await importOf(fx, bytes, { fileName: '/home/secretary/2021年台账.xlsx' });
    expect(outcome.imported).toBe(1);
    const [imported] = await activityEvents(fx);
    expect(imported.metadata).toMatchObject({ source: 'import', actor: '组织委员', file: '2021年台账.xlsx', sheet: '台账', row: '2' });

    const logged = await fx.commands.execute(
      new LogActivityCommand(
        {
          orgId: 'b1',
          date: '2021-03-05',
          kinds: '党课',
          title: '学习党章',
          place: '党员活动室',
          host: '张三',
          speaker: '李四',
          attendees: 'm1,m2',
          leave: 'm3',
          headcount: '5',
          hours: '2',
          quantity: '3',
          unit: '篇',
          item: '心得体会',
          note: '补录',
        },
        { actor: '组织委员', source: 'cli' },
      ),
    );
    const byCli = (await activityEvents(fx)).find((e) => e.data.activityId === logged.activityId);
    expect(byCli?.data.activity).toEqual(imported.data.activity);
    expect(imported.type).toBe(byCli?.type);
    expect(imported.schemaVersion).toBe(byCli?.schemaVersion);
  });

  it('writes nothing on a dry run (a plan alone)', async () => {
    const bytes = await xlsxOf({ 台账: [HEADER, [day('2021-03-05'), '党课', '一', '张三', null, null, null], ['2021-02-30', '党课', '二', null, null, null, null]] });
    const before = await eventCount(fx);
    const plan = await planOf(fx, bytes);
    expect(plan.ready.map((r) => r.ref.row)).toEqual([2]);
    expect(plan.problems).toHaveLength(1);
    expect(await eventCount(fx)).toBe(before);
  });

  it('with strict, imports nothing while any row is invalid, and everything once the file is right', async () => {
    const good: Cell[][] = [HEADER, [day('2021-03-05'), '党课', '一', '张三', null, null, null], [day('2021-03-06'), '主题党日', '二', null, null, null, null]];
    const bad = await xlsxOf({ 台账: [...good, [day('2021-03-07'), '开会', '三', null, null, null, null]] });
    const before = await eventCount(fx);
    const refused = await importOf(fx, bad, {}, { strict: true });
    expect(refused).toMatchObject({ refused: true, imported: 0 });
    expect(await eventCount(fx)).toBe(before);
    const accepted = await importOf(fx, await xlsxOf({ 台账: good }), {}, { strict: true });
    expect(accepted).toMatchObject({ refused: false, imported: 2 });
    expect(await eventCount(fx)).toBe(before + 2);
  });

  it('imports a file only once: the same file again adds nothing, a longer one only its new rows', async () => {
    const rows: Cell[][] = [
      HEADER,
      [day('2021-03-05'), '党课', '一', '张三', null, null, null],
      [day('2021-03-06'), '谈心谈话', '谈心', null, null, null, null],
      // The same talk twice on one day is two talks: identical rows are two activities.
      [day('2021-03-06'), '谈心谈话', '谈心', null, null, null, null],
    ];
    const first = await importOf(fx, await xlsxOf({ 台账: rows }));
    expect(first).toMatchObject({ imported: 3, alreadyImported: 0 });
    const before = await eventCount(fx);

    const again = await importOf(fx, await xlsxOf({ 台账: rows }));
    expect(again).toMatchObject({ imported: 0, alreadyImported: 3 });
    expect(await eventCount(fx)).toBe(before);

    // Rows reordered, one more row at the end, a text date for a date cell: only the new row is new.
    const longer = await xlsxOf({ 台账: [HEADER, rows[3], rows[1], ['2021年3月6日', '谈心谈话', '谈心', null, null, null, null], [day('2021-03-07'), '主题党日', '新', null, null, null, null]] });
    const third = await importOf(fx, longer);
    expect(third).toMatchObject({ imported: 1, alreadyImported: 3 });
    expect(await eventCount(fx)).toBe(before + 1);
  });

  it('re-plans when the ledger moved between the preview and the run, and appends in whole batches', async () => {
    const rows: Cell[][] = [HEADER, ...[1, 2, 3, 4, 5].map((d): Cell[] => [day(`2021-04-0${d}`), '党课', `第${d}课`, '张三', null, null, null])];
    const plan = await planOf(fx, await xlsxOf({ 台账: rows }));
    await fx.commands.execute(new LogActivityCommand({ orgId: 'b1', date: '2021-04-10', kinds: '主题党日' }, { actor: '书记', source: 'cli' }));
    const outcome = await runImport(fx.ledger, plan, { actor: '组织委员', batchSize: 2, now: () => IMPORT_NOW });
    expect(outcome).toMatchObject({ imported: 5, alreadyImported: 0 });
    const stream = await fx.ledger.store.readStream('org-b1');
    expect(stream.map((e) => e.streamVersion)).toEqual(stream.map((_, i) => i + 1));
    expect(stream.filter((e) => e.metadata.source === 'import')).toHaveLength(5);
    // The read model saw them all.
    expect((await fx.ledger.view.listActivities(['b1'], '2021-04-01', '2021-04-30')).length).toBe(6);
  });

  it('routes rows to orgs under the importing one by their 组织 cell', async () => {
    const bytes = await xlsxOf({
      汇总: [
        ['组织', '日期', '活动类型', '参会人员'],
        ['第一党支部', day('2021-03-05'), '党课', '张三'],
        ['b2', day('2021-03-05'), '党课', '张三'],
        ['第二党支部', day('2021-07-05'), '党课', '赵六'],
        ['第三党支部', day('2021-03-05'), '党课', null],
      ],
    });
    const outcome = await importOf(fx, bytes, { orgId: 'c1' });
    expect(problemsOf(outcome.plan)).toEqual([{ row: 5, column: '组织', message: '“第三党支部”不是机关党委（c1）或其下级组织' }]);
    expect((await activityEvents(fx, 'org-b1')).map((e) => e.data.activity.attendees[0].memberId)).toEqual(['m1']);
    // The other 张三 is the one of 第二党支部; 赵六 belongs there after his transfer.
    expect((await activityEvents(fx, 'org-b2')).map((e) => e.data.activity.attendees[0].memberId)).toEqual(['m5', 'm4']);
  });

  it('picks the first sheet with a ledger header, names the others, and takes the one asked for', async () => {
    const bytes = await xlsxOf({
      说明: [['填表说明：每次活动一行']],
      '2021年': [HEADER, [day('2021-03-05'), '党课', '二〇二一', null, null, null, null]],
      '2020年': [HEADER, [day('2020-03-05'), '党课', '二〇二〇', null, null, null, null]],
    });
    const plan = await planOf(fx, bytes);
    expect(plan.source.sheets.map((s) => s.sheet)).toEqual(['2021年']);
    expect(plan.notices.map((n) => n.message)).toContainEqual(expect.stringContaining('工作表“2020年”也有台账表头'));
    const other = await planOf(fx, bytes, { sheet: '2020年' });
    expect(other.ready.map((r) => r.event.data)).toMatchObject([{ activity: { title: '二〇二〇' } }]);
    await expect(planOf(fx, bytes, { sheet: '2019年' })).rejects.toThrow(ImportFileError);
    await expect(planOf(fx, bytes, { sheet: '2019年' })).rejects.toMatchObject({ messageZh: expect.stringContaining('没有名为“2019年”的工作表') });
  });

  it('reads a sheet of one kind without a kind column, and a mapping file for unusual headers', async () => {
    const lectures = await xlsxOf({ 党课记录: [['日期', '主题', '主讲人'], [day('2021-03-05'), '党史', '张三']] });
    const plan = await planOf(fx, lectures);
    expect(plan.problems).toEqual([]);
    expect(plan.ready[0].event.data).toMatchObject({ activity: { kinds: ['party-lecture'], speaker: '张三' } });

    const odd = await xlsxOf({ Sheet1: [['时间点', '形式', '到会同志'], [day('2021-03-05'), '书记讲党课', '张三、李四']] });
    expect((await planOf(fx, odd)).problems[0].message).toContain('找不到台账表头');
    const mapped = await planOf(fx, odd, { mapping: JSON.stringify({ columns: { 时间点: 'date', 形式: 'kinds', C: '参会人员' }, kinds: { 书记讲党课: '党课（支部书记）' } }) });
    expect(mapped.problems).toEqual([]);
    expect(mapped.ready[0].event.data).toMatchObject({ activity: { kinds: ['party-lecture'], qualifier: 'secretary', attendees: [{ memberId: 'm1' }, { memberId: 'm2' }] } });
  });
});

describe('importing CSV', () => {
  let fx: ImportFixture;
  beforeAll(async () => {
    fx = await openImportFixture('csv');
  });
  afterAll(() => fx.close());

  const rows: Cell[][] = [
    ['日期', '活动类型', '主题', '参会人员', '学时'],
    ['2021年3月5日', '支部党员大会、党课', '学习“七一”讲话，交流体会', '张三、李四、王芳', '2'],
    ['2021/3/6', '主题党日', '志愿服务', '张三', null],
    ['2021.3.7', '支委会', '研究发展党员', '张三，李四', null],
    ['2021-02-30', '党课', '坏日期', null, null],
  ];

  it.each([
    ['UTF-8', utf8Csv(rows), 'utf-8'],
    ['UTF-8 with BOM', utf8BomCsv(rows), 'utf-8-bom'],
    ['GBK', gbkCsv(rows), 'gb18030'],
  ])('reads %s alike (and the same rows in another encoding are the same rows)', async (_label, bytes, encoding) => {
    const plan = await planOf(fx, bytes, { fileName: '台账.csv' });
    expect(plan.source.file.encoding).toBe(encoding);
    expect(plan.source.sheets.map((s) => s.sheet)).toEqual(['台账']);
    expect(problemsOf(plan)).toEqual([{ row: 5, column: '日期', message: '日期不存在：2021-02-30' }]);
    const outcome = await runImport(fx.ledger, plan, { actor: '组织委员', now: () => IMPORT_NOW });
    const firstTime = encoding === 'utf-8';
    expect(outcome).toMatchObject(firstTime ? { imported: 3, alreadyImported: 0 } : { imported: 0, alreadyImported: 3 });
    const activities = (await activityEvents(fx)).map((e) => e.data.activity);
    expect(activities.map((a) => [a.date, a.kinds, a.title, a.attendees.length, a.hours])).toEqual([
      ['2021-03-05', ['branch-assembly', 'party-lecture'], '学习“七一”讲话，交流体会', 3, 2],
      ['2021-03-06', ['theme-day'], '志愿服务', 1, null],
      ['2021-03-07', ['committee-meeting'], '研究发展党员', 2, null],
    ]);
  });
});
