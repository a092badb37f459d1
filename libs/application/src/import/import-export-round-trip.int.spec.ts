import 'reflect-metadata';
import iconv from 'iconv-lite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { exportLedger, type ExportFormat } from '../../../ledger-io/src/export';
import type { CsvEncoding } from '../../../ledger-io/src/export/write-csv';
import { readImportFile } from '../../../ledger-io/src/import';
import { CorrectActivityCommand, LogActivityCommand, VoidActivityCommand } from '../commands/activity.commands';
import { EnrollMemberCommand } from '../commands/member.commands';
import { RegisterOrganizationCommand } from '../commands/organization.commands';
import type { Ledger } from '../ledger';
import { LedgerModule } from '../ledger.module';
import { ComplianceQuery } from '../queries/compliance.query';
import { TallyQuery } from '../queries/tally.query';
import { LEDGER } from '../tokens';
import { planImport } from './plan-import';
import { runImport } from './run-import';

/**
 * Issue 6's promise: an exported 台账 re-imports to the same tallies. A ledger with every kind of
 * 三会一课, combined sittings, corrections, a voided record, attendees present / on leave /
 * absent, qualified 党课 and 党小组会 of groups is exported (xlsx, CSV in UTF-8 and GB18030) and
 * imported into fresh ledgers that hold only the same orgs and members; every tally (year,
 * quarters, months, each org and the roll-up) and the compliance grid must come out identical.
 */
const NOW = new Date('2024-12-31T04:00:00.000Z');
const TODAY = '2024-12-31';
const Y = 2023;
const meta = { actor: '组织委员', source: 'cli' as const };

interface Opened {
  dir: string;
  ledger: Ledger;
  commands: CommandBus;
  queries: QueryBus;
  close(): Promise<void>;
}

async function openLedger(label: string): Promise<Opened> {
  const dir = mkdtempSync(join(tmpdir(), `taizhang-round-trip-${label}-`));
  const context: INestApplicationContext = await NestFactory.createApplicationContext(
    LedgerModule.forRoot({ storeUrl: `sqlite:${join(dir, 'ledger.db')}`, clock: { now: () => NOW } }),
    { logger: false, abortOnError: false },
  );
  const commands = context.get(CommandBus);
  const org = (id: string, name: string, kind: string, parentId?: string) =>
    commands.execute(new RegisterOrganizationCommand({ id, name, kind, parentId, establishedOn: '2010-01-01' }, meta));
  await org('c1', '机关党委', 'committee');
  await org('b1', '第一党支部', 'branch', 'c1');
  await org('g1', '第一党小组', 'group', 'b1');
  await org('g2', '第二党小组', 'group', 'b1');
  await org('b2', '第二党支部', 'branch', 'c1');
  const enroll = (memberId: string, name: string, orgId: string) =>
    commands.execute(new EnrollMemberCommand({ memberId, name, orgId, since: '2019-01-01' }, meta));
  await enroll('m1', '张三', 'b1');
  await enroll('m2', '李四', 'b1');
  await enroll('m3', '王五', 'g1');
  await enroll('m4', '赵六', 'g2');
  await enroll('m6', '钱七', 'b1');
  await enroll('m5', '周九', 'b2');
  await enroll('m7', '吴十', 'b2');
  return {
    dir,
    ledger: context.get<Ledger>(LEDGER),
    commands,
    queries: context.get(QueryBus),
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The source ledger's year: what a branch secretary logs, corrects and voids. */
async function logYear(o: Opened): Promise<void> {
  const log = (activityId: string, orgId: string, date: string, kinds: string[], fields: Record<string, unknown> = {}) =>
    o.commands.execute(new LogActivityCommand({ activityId, orgId, date: `${Y}-${date}`, kinds, ...fields }, meta));
  await log('cm-01', 'b1', '01-10', ['committee-meeting'], { title: '一月支委会', attendees: ['m1', 'm2'], leave: ['m6'], hours: 1 });
  await log('ba-01', 'b1', '02-15', ['branch-assembly', 'party-lecture'], {
    qualifier: 'secretary',
    title: '党员大会暨书记讲党课',
    place: '三楼会议室',
    host: '张三',
    speaker: '张三',
    attendees: ['m1', 'm3'],
    leave: ['m2'],
    absent: ['m4'],
    hours: 2,
    note: '套会',
  });
  await log('pl-01', 'b1', '03-05', ['party-lecture'], { qualifier: 'invited', title: '党校专家讲党课', attendees: ['m1', 'm2', 'm3', 'm4', 'm6'], hours: 1.5 });
  await log('pl-02', 'b1', '05-20', ['party-lecture'], { qualifier: 'member', title: '党员微党课', headcount: 6 });
  // A leading dash (typed as a bullet) is what a spreadsheet would take for a formula in a CSV.
  await log('td-01', 'b1', '03-20', ['theme-day'], { title: '-植树主题党日', headcount: 12 });
  await log('gm-01', 'g1', '04-10', ['group-meeting'], { title: '第一党小组学习', attendees: ['m3'] });
  await log('gm-02', 'b1', '04-12', ['group-meeting'], { title: '联合党小组会', groups: ['g1', 'g2'], attendees: ['m3', 'm4'], absent: ['m1'] });
  await log('gm-03', 'g2', '08-08', ['group-meeting'], { title: '第二党小组会', attendees: ['m4'], hours: 1 });
  await log('cm-02', 'b1', '05-08', ['committee-meeting'], { title: '五月支委会（草稿）', attendees: ['m1'] });
  await o.commands.execute(new CorrectActivityCommand({ activityId: 'cm-02', title: '五月支委会', attendees: ['m1', 'm2'], absent: ['m6'], reason: '补记出席' }, meta));
  await log('ba-02', 'b1', '09-01', ['branch-assembly', 'party-lecture', 'theme-day'], { qualifier: 'leader', title: '三会合开', attendees: ['m1', 'm2', 'm3'], leave: ['m4', 'm6'] });
  await log('cm-03', 'b1', '11-03', ['committee-meeting'], { title: '误录', attendees: ['m1'] });
  await o.commands.execute(new VoidActivityCommand({ activityId: 'cm-03', reason: '重复录入' }, meta));
  await log('rv-01', 'b1', '06-18', ['research-visit'], { title: '基层调研', quantity: 3, unit: '篇', item: '调研报告' });
  await log('ba-03', 'b2', '07-01', ['branch-assembly'], { title: '第二支部党员大会', attendees: ['m5'], leave: ['m7'] });
  await log('cm-04', 'b2', '12-28', ['committee-meeting'], { title: '年末支委会', attendees: ['m5', 'm7'], hours: 0.5 });
}

const PERIODS = [String(Y), ...[1, 2, 3, 4].map((q) => `${Y}-Q${q}`), ...Array.from({ length: 12 }, (_, i) => `${Y}-${String(i + 1).padStart(2, '0')}`)];
const TALLIED: { orgId: string; rollup: boolean }[] = [
  { orgId: 'c1', rollup: true },
  { orgId: 'b1', rollup: true },
  { orgId: 'b1', rollup: false },
  { orgId: 'g1', rollup: false },
  { orgId: 'g2', rollup: false },
  { orgId: 'b2', rollup: false },
];

/** Every tally and compliance grid the comparison covers, keyed for a readable diff. */
async function figures(o: Opened): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const { orgId, rollup } of TALLIED) {
    for (const period of PERIODS) {
      const tally = await o.queries.execute(new TallyQuery({ orgId, year: Y, period, rollup }));
      out[`tally ${orgId}${rollup ? ' rollup' : ''} ${period}`] = tally.metrics;
    }
  }
  for (const orgId of ['c1', 'b1', 'b2', 'g1', 'g2']) {
    const compliance = await o.queries.execute(new ComplianceQuery({ orgId, year: Y }));
    out[`compliance ${orgId}`] = compliance;
  }
  return out;
}

describe('export → import round trip', () => {
  let source: Opened;
  let expected: Record<string, unknown>;

  beforeAll(async () => {
    source = await openLedger('source');
    await logYear(source);
    expected = await figures(source);
  });
  afterAll(() => source?.close());

  it('has something to compare: the source ledger counts every kind', () => {
    const year = expected[`tally c1 rollup ${Y}`] as { kind: string; count: number }[];
    expect(JSON.stringify(year)).toContain('party-lecture');
    expect(JSON.stringify(year)).toContain('group-meeting');
    expect(JSON.stringify(expected[`tally b1 ${Y}-Q3`])).toContain('theme-day');
  });

  const cases: { label: string; format: ExportFormat; encoding?: CsvEncoding }[] = [
    { label: 'xlsx', format: 'xlsx' },
    { label: 'csv-utf8', format: 'csv', encoding: 'utf8' },
    { label: 'csv-gb18030', format: 'csv', encoding: 'gb18030' },
  ];

  for (const c of cases) {
    it(`re-imports a ${c.label} export into a fresh ledger with identical tallies and compliance`, async () => {
      await source.ledger.catchUp();
      const file = await exportLedger(source.ledger.view, { orgId: 'c1', year: Y, rollup: true, today: TODAY, format: c.format, encoding: c.encoding });
      const fresh = await openLedger(c.label);
      try {
        if (c.format === 'csv') expect(iconv.decode(file.content, c.encoding ?? 'utf8')).toContain("'-植树主题党日");
        const parsed = await readImportFile({ bytes: file.content, fileName: file.fileName });
        const plan = await planImport(fresh.ledger, parsed, { orgId: 'c1', today: TODAY });
        expect(plan.problems).toEqual([]);
        // Nothing the user should act on: the other sheets of the workbook are not offered for import.
        expect(plan.notices.map((n) => n.message).join('\n')).not.toMatch(/--sheet/);
        const outcome = await runImport(fresh.ledger, plan, { actor: '组织委员', now: () => NOW });
        expect(outcome).toMatchObject({ imported: 13, alreadyImported: 0, refused: false });

        await fresh.ledger.catchUp();
        // The voided record is not imported; the others keep their ids (the 活动编号 column).
        expect(await fresh.ledger.view.getActivity('cm-03')).toBeUndefined();
        const corrected = await fresh.ledger.view.getActivity('cm-02');
        expect(corrected?.details.title).toBe('五月支委会');
        expect(corrected?.details.attendees.map((a) => [a.memberId, a.status])).toEqual(
          expect.arrayContaining([
            ['m1', 'present'],
            ['m2', 'present'],
            ['m6', 'absent'],
          ]),
        );
        const combined = await fresh.ledger.view.getActivity('ba-01');
        expect(combined?.details).toMatchObject({ kinds: ['branch-assembly', 'party-lecture'], qualifier: 'secretary', place: '三楼会议室', hours: 2 });
        expect(await fresh.ledger.view.getActivity('gm-02')).toMatchObject({ orgId: 'b1', details: { groups: ['g1', 'g2'] } });
        expect(await fresh.ledger.view.getActivity('gm-03')).toMatchObject({ orgId: 'g2' });

        expect(await figures(fresh)).toEqual(expected);
        // Beyond the tallies: every field of every live activity, attendees by status, as it was.
        const live = (await source.ledger.view.listActivities(['c1', 'b1', 'g1', 'g2', 'b2'], `${Y}-01-01`, `${Y}-12-31`)).filter((a) => !a.voided);
        for (const a of live) {
          const copy = await fresh.ledger.view.getActivity(a.id);
          const sorted = (d: typeof a.details) => ({ ...d, attendees: [...d.attendees].sort((x, y) => x.memberId.localeCompare(y.memberId)) });
          expect({ id: a.id, orgId: copy?.orgId, details: copy && sorted(copy.details) }).toEqual({ id: a.id, orgId: a.orgId, details: sorted(a.details) });
        }

        // And once more: the same file adds nothing.
        const again = await runImport(fresh.ledger, await planImport(fresh.ledger, await readImportFile({ bytes: file.content, fileName: file.fileName }), { orgId: 'c1', today: TODAY }), { actor: '组织委员' });
        expect(again).toMatchObject({ imported: 0, alreadyImported: 13 });
      } finally {
        await fresh.close();
      }
    });
  }
});
