import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ValidationError, type LogActivityInput } from '../../../domain/src';
import type { Ledger } from '../../../application/src/ledger';
import { LedgerModule } from '../../../application/src/ledger.module';
import { LEDGER } from '../../../application/src/tokens';
import { CorrectActivityCommand, LogActivityCommand, VoidActivityCommand } from '../../../application/src/commands/activity.commands';
import { EnrollMemberCommand } from '../../../application/src/commands/member.commands';
import { RegisterOrganizationCommand } from '../../../application/src/commands/organization.commands';
import { ComplianceQuery } from '../../../application/src/queries/compliance.query';
import { TallyQuery } from '../../../application/src/queries/tally.query';
import { kindName } from './kind-labels';
import { exportLedger, type LedgerExportOptions } from './export-ledger';
import { headersOf, readWorkbook, rowsOf, sheetOf } from './read-workbook.spec-helper';

const meta = { actor: '王书记', source: 'cli' as const };
const TODAY = '2022-01-15';
const SHEETS = ['活动台账', '已作废', '支部党员大会', '支委会', '党小组会', '党课', '月度汇总', '党员参加情况', '执行情况'];
const THREE_MEETINGS: Record<string, string> = { 支部党员大会: 'branch-assembly', 支委会: 'committee-meeting', 党小组会: 'group-meeting', 党课: 'party-lecture' };

/** A real ledger on a SQLite file: a committee with two branches and a year of activities. */
describe('exportLedger over a real ledger', () => {
  let dir: string;
  let context: INestApplicationContext;
  let commands: CommandBus;
  let queries: QueryBus;
  let ledger: Ledger;

  const log = (input: Omit<LogActivityInput, 'orgId'>) => commands.execute(new LogActivityCommand({ orgId: 'b1', ...input }, meta));
  const exportOf = async (options: Partial<LedgerExportOptions> = {}) => {
    await ledger.catchUp();
    return exportLedger(ledger.view, { orgId: 'b1', year: 2021, rollup: false, format: 'xlsx', today: TODAY, ...options });
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-export-'));
    context = await NestFactory.createApplicationContext(
      LedgerModule.forRoot({ storeUrl: `sqlite:${join(dir, 'ledger.db')}`, clock: { now: () => new Date(`${TODAY}T02:00:00.000Z`) } }),
      { logger: false, abortOnError: false },
    );
    commands = context.get(CommandBus);
    queries = context.get(QueryBus);
    ledger = context.get<Ledger>(LEDGER);

    await commands.execute(new RegisterOrganizationCommand({ id: 'c1', name: '机关党委', kind: 'committee' }, meta));
    await commands.execute(new RegisterOrganizationCommand({ id: 'b1', name: '第一党支部', kind: 'branch', parentId: 'c1' }, meta));
    await commands.execute(new RegisterOrganizationCommand({ id: 'g1', name: '第一党小组', kind: 'group', parentId: 'b1' }, meta));
    await commands.execute(new RegisterOrganizationCommand({ id: 'b2', name: '第二党支部', kind: 'branch', parentId: 'c1' }, meta));
    const enroll = (memberId: string, orgId: string, name: string, status = 'full') =>
      commands.execute(new EnrollMemberCommand({ memberId, orgId, name, status, since: '2015-01-01' }, meta));
    await enroll('m1', 'b1', '张三');
    await enroll('m2', 'g1', '李四');
    await enroll('m3', 'b1', '王五', 'probationary');
    await enroll('m4', 'b2', '赵六');
    await enroll('m5', 'g1', '孙七');

    await log({ activityId: 'old', date: '2020-12-30', kinds: ['theme-day'], headcount: 3 });
    await log({ activityId: 'cm-jan', date: '2021-01-12', kinds: ['支委会'], title: '研究年度计划', headcount: 5 });
    await log({
      activityId: 'combined-mar',
      date: '2021-03-05',
      kinds: ['支部党员大会', '党课'],
      qualifier: '支部书记',
      title: '学习党史',
      place: '三楼会议室',
      host: '张三',
      attendees: ['m1', 'm2'],
      leave: ['m3'],
      hours: 2,
    });
    await log({ activityId: 'group-mar', date: '2021-03-20', kinds: ['党小组会'], groups: ['g1'], attendees: ['m2'], absent: ['m1'] });
    await log({ activityId: 'theme-apr', date: '2021-04-08', kinds: ['主题党日'], title: '清明祭扫（草稿）', attendees: ['m1'] });
    await commands.execute(new CorrectActivityCommand({ activityId: 'theme-apr', title: '清明祭扫革命烈士', attendees: ['m1', 'm3'], reason: '补全名单' }, meta));
    await log({ activityId: 'theme-may', date: '2021-05-01', kinds: ['主题党日'], title: '重复录入', headcount: 4 });
    await commands.execute(new VoidActivityCommand({ activityId: 'theme-may', reason: '与4月记录重复' }, meta));
    await log({ activityId: 'research-jul', date: '2021-07-01', kinds: ['调研'], quantity: 3, unit: '篇', item: '调研报告' });
    await commands.execute(new LogActivityCommand({ orgId: 'b2', activityId: 'b2-jun', date: '2021-06-01', kinds: ['支部党员大会'], attendees: ['m4'] }, meta));
  });

  afterAll(async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes every sheet, in order, with the activity list in date order and this year only', async () => {
    const result = await exportOf();
    expect(result).toMatchObject({ format: 'xlsx', fileName: '台账-第一党支部-2021.xlsx', activities: 5, voided: 1, sheets: SHEETS });
    const workbook = await readWorkbook(result.content);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(SHEETS);
    const sheet = sheetOf(workbook, '活动台账');
    const id = headersOf(sheet).indexOf('活动编号');
    expect(rowsOf(sheet).map((r) => r[id])).toEqual(['cm-jan', 'combined-mar', 'group-mar', 'theme-apr', 'research-jul']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('counts as the tally query does, on the list, the 三会一课 sheets and the monthly summary', async () => {
    const workbook = await readWorkbook((await exportOf()).content);
    const tally = await queries.execute(new TallyQuery({ orgId: 'b1', year: 2021 }));
    const count = (kind: string) => tally.metrics.find((m) => m.kind === kind && m.qualifier === null && m.measure === 'count')?.value ?? 0;
    for (const [sheetName, kind] of Object.entries(THREE_MEETINGS)) {
      expect([sheetName, rowsOf(sheetOf(workbook, sheetName)).length]).toEqual([sheetName, count(kind)]);
    }
    const summary = sheetOf(workbook, '月度汇总');
    const headers = headersOf(summary);
    const total = rowsOf(summary)[12];
    expect(total[0]).toBe('合计');
    const kindsCounted = ['branch-assembly', 'committee-meeting', 'group-meeting', 'party-lecture', 'theme-day', 'research-visit'];
    expect(kindsCounted.map((kind) => total[headers.indexOf(kindName(kind))])).toEqual(kindsCounted.map(count));
    expect(kindsCounted.map(count)).toEqual([1, 1, 1, 1, 1, 1]);
    // Attendance (人次) from the list: 实到 summed equals the tally's attendance over all kinds' records.
    const list = sheetOf(workbook, '活动台账');
    const present = headersOf(list).indexOf('实到');
    const kinds = headersOf(list).indexOf('活动类型');
    const themeDayPresent = rowsOf(list).filter((r) => String(r[kinds]).includes('主题党日')).reduce((n, r) => n + Number(r[present] ?? 0), 0);
    expect(themeDayPresent).toBe(tally.metrics.find((m) => m.kind === 'theme-day' && m.measure === 'attendance')?.value);
  });

  it('applies corrections and writes kinds, names and counts the importer reads', async () => {
    const sheet = sheetOf((await readWorkbook((await exportOf()).content)), '活动台账');
    const headers = headersOf(sheet);
    const row = (id: string) => {
      const found = rowsOf(sheet).find((r) => r[headers.indexOf('活动编号')] === id);
      if (!found) throw new Error(id);
      return Object.fromEntries(headers.map((h, i) => [h, found[i]]));
    };
    expect(row('theme-apr')).toMatchObject({ 主题: '清明祭扫革命烈士', 参会人员: '张三、王五', 实到: 2 });
    expect(rowsOf(sheet).flat()).not.toContain('清明祭扫（草稿）');
    expect(row('combined-mar')).toMatchObject({ 活动类型: '支部党员大会、党课', 细分类型: '支部书记', 参会人员: '张三、李四', 应到: 3, 实到: 2, 请假: '王五', 缺席: null, 学时: 2 });
    expect(row('group-mar')).toMatchObject({ 党小组: '第一党小组', 参会人员: '李四', 缺席: '张三', 应到: 2, 实到: 1 });
    expect(row('research-jul')).toMatchObject({ 成果: '调研报告3篇' });
    expect(row('cm-jan')).toMatchObject({ 活动类型: '支部委员会会议', 实到: 5, 应到: null });
  });

  it('writes real dates as date cells with a Chinese date format', async () => {
    const sheet = sheetOf(await readWorkbook((await exportOf()).content), '活动台账');
    const cell = sheet.getCell(2, headersOf(sheet).indexOf('日期') + 1);
    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect(cell.value).toEqual(new Date(Date.UTC(2021, 0, 12)));
    expect(cell.numFmt).toContain('年');
  });

  it('puts the voided activity on its own sheet with the reason, and nowhere else', async () => {
    const workbook = await readWorkbook((await exportOf()).content);
    const voided = sheetOf(workbook, '已作废');
    const headers = headersOf(voided);
    const rows = rowsOf(voided);
    expect(rows).toHaveLength(1);
    expect(rows[0][headers.indexOf('活动编号')]).toBe('theme-may');
    expect(rows[0][headers.indexOf('作废原因')]).toBe('与4月记录重复');
    expect(rows[0][headers.indexOf('作废人')]).toBe('王书记');
    for (const name of SHEETS.filter((s) => s !== '已作废')) expect(rowsOf(sheetOf(workbook, name)).flat()).not.toContain('theme-may');
  });

  it('tells each member how often present, on leave and absent', async () => {
    const sheet = sheetOf(await readWorkbook((await exportOf()).content), '党员参加情况');
    const headers = headersOf(sheet);
    const byName = Object.fromEntries(rowsOf(sheet).map((r) => [String(r[0]), Object.fromEntries(headers.map((h, i) => [h, r[i]]))]));
    // 孙七 of the branch's 党小组 never took part: listed with zeros all the same; 赵六 of b2 is not b1's.
    expect(Object.keys(byName).sort()).toEqual(['张三', '李四', '王五', '孙七'].sort());
    expect(byName['孙七']).toMatchObject({ 组织: '第一党小组', 出席合计: 0, 请假合计: 0, 缺席合计: 0 });
    expect(byName['张三']).toMatchObject({ 出席合计: 2, 缺席合计: 1, 党小组会缺席: 1, 主题党日出席: 1 });
    expect(byName['王五']).toMatchObject({ 身份: '预备党员', 请假合计: 1, 出席合计: 1 });
    expect(byName['李四']).toMatchObject({ 组织: '第一党小组', 出席合计: 2 });
  });

  it('carries the compliance grid the compliance query computes', async () => {
    const sheet = sheetOf(await readWorkbook((await exportOf()).content), '执行情况');
    const compliance = await queries.execute(new ComplianceQuery({ orgId: 'b1', year: 2021 }));
    const rows = rowsOf(sheet);
    const headers = headersOf(sheet);
    expect(rows).toHaveLength(compliance.rules.length + compliance.coverage.length);
    expect(rows.map((r) => [r[headers.indexOf('应开展')], r[headers.indexOf('已开展')]])).toEqual([
      ...compliance.rules.map((r) => [r.should, r.did]),
      ...compliance.coverage.map((r) => [r.should, r.did]),
    ]);
    expect(new Set(rows.map((r) => r[headers.indexOf('执行情况')]))).toEqual(new Set(['达标', '未达标']));
    const q1 = rows.find((r) => r[headers.indexOf('制度要求')] === '支部党员大会：每季度至少1次' && r[headers.indexOf('期间')] === '2021年第1季度');
    expect(q1?.slice(3, 6)).toEqual([1, 1, '达标']);
  });

  it('rolls up the subtree with a 组织 column and the rolled-up tally', async () => {
    const result = await exportOf({ orgId: 'c1', rollup: true });
    expect(result.fileName).toBe('台账-机关党委-2021.xlsx');
    const workbook = await readWorkbook(result.content);
    const sheet = sheetOf(workbook, '活动台账');
    const headers = headersOf(sheet);
    expect(headers[0]).toBe('组织');
    const rows = rowsOf(sheet);
    expect(rows.map((r) => r[0])).toContain('第二党支部');
    const tally = await queries.execute(new TallyQuery({ orgId: 'c1', year: 2021, rollup: true }));
    const assemblies = tally.metrics.find((m) => m.kind === 'branch-assembly' && m.qualifier === null && m.measure === 'count')?.value;
    expect(rowsOf(sheetOf(workbook, '支部党员大会'))).toHaveLength(assemblies as number);
    expect(assemblies).toBe(2);
    const compliance = rowsOf(sheetOf(workbook, '执行情况'));
    expect(new Set(compliance.map((r) => r[0]))).toEqual(new Set(['机关党委', '第一党支部', '第一党小组', '第二党支部']));
  });

  it('writes the list as CSV: UTF-8 with a BOM by default, or GB18030, the same rows either way', async () => {
    const utf8 = await exportOf({ format: 'csv' });
    expect(utf8).toMatchObject({ fileName: '台账-第一党支部-2021.csv', sheets: ['活动台账'], mimeType: 'text/csv; charset=utf-8' });
    expect([...utf8.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = utf8.content.subarray(3).toString('utf8');
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 5);
    expect(lines[0].startsWith('日期,活动类型,细分类型,主题')).toBe(true);
    expect(lines[2]).toContain('2021-03-05,支部党员大会、党课,支部书记,学习党史');
    const gb = await exportOf({ format: 'csv', encoding: 'gb18030' });
    expect(gb.content.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(iconv.decode(gb.content, 'gb18030')).toBe(text);
  });

  it('refuses a bad year, an unknown org, a bad format or encoding', async () => {
    const refusal = async (options: Partial<LedgerExportOptions>) => {
      const error = await exportOf(options).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (!(error instanceof ValidationError)) throw new Error(`expected a ValidationError, got ${String(error)}`);
      return error.issues.map((i) => i.field);
    };
    expect(await refusal({ year: 20 })).toEqual(['year']);
    expect(await refusal({ orgId: 'nowhere' })).toEqual(['orgId']);
    expect(await refusal({ orgId: 'nowhere', rollup: true })).toEqual(['orgId']);
    expect(await refusal({ format: 'pdf' as never })).toEqual(['format']);
    expect(await refusal({ format: 'csv', encoding: 'latin1' as never })).toEqual(['encoding']);
  });
});
