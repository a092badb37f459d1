import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ValidationError } from '../../../domain/src';
import { reportData } from '../../../projections/src/ledger-events.spec-helper';
import { deleteLastEvent } from '../../../../test/helpers/store-file';
import type { Ledger } from '../ledger';
import { LedgerModule } from '../ledger.module';
import { GetReportQuery } from '../queries/get-report.query';
import { ListReportsQuery } from '../queries/list-reports.query';
import { VerifyQuery } from '../queries/verify.query';
import { LEDGER } from '../tokens';
import { RegisterOrganizationCommand } from './organization.commands';
import { RebuildCommand } from './rebuild.command';
import { RecordReportCommand } from './report.commands';

/** The application as the CLI boots it, on a real SQLite file, with a clock the test sets. */
async function bootApp(file: string, clock: { now: () => Date }) {
  const context: INestApplicationContext = await NestFactory.createApplicationContext(
    LedgerModule.forRoot({ storeUrl: `sqlite:${file}`, clock }),
    { logger: false, abortOnError: false },
  );
  return { context, commands: context.get(CommandBus), queries: context.get(QueryBus), ledger: context.get<Ledger>(LEDGER) };
}

async function refusal(work: Promise<unknown>): Promise<ValidationError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ValidationError)) throw new Error(`expected a ValidationError, got ${String(error)}`);
  return error;
}

const meta = { actor: '王书记', source: 'cli' as const };

/** One ledger, built in beforeAll; the tests run in order and each adds to what the last left. */
describe('recording compiled reports', () => {
  let dir: string;
  let now: Date;
  let app: Awaited<ReturnType<typeof bootApp>>;
  let recorded: { reportId: string; position: bigint; alreadyRecorded: boolean };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-report-'));
    now = new Date('2025-01-05T02:00:00.000Z');
    app = await bootApp(join(dir, 'ledger.db'), { now: () => now });
    await app.commands.execute(new RegisterOrganizationCommand({ id: 'c1', name: '机关党委', kind: 'committee' }, meta));
    await app.commands.execute(new RegisterOrganizationCommand({ id: 'b1', name: '第一党支部', kind: 'branch', parentId: 'c1' }, meta));
    now = new Date('2025-01-10T02:00:00.000Z');
    recorded = await app.commands.execute(new RecordReportCommand(reportData('r2024-b1', 'b1'), meta));
    now = new Date('2025-01-20T02:00:00.000Z');
    await app.commands.execute(new RecordReportCommand(reportData('r2024-b1-v2', 'b1', { template: '支部书记述职' }), meta));
    await app.commands.execute(new RecordReportCommand(reportData('r2024-c1', 'c1', { rollup: true }), meta));
  });

  afterAll(async () => {
    await app.context.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const list = (orgId: string, asOf?: string) => app.queries.execute(new ListReportsQuery({ orgId, asOf }));

  it("appends one ReportCompiled to the org's report stream and lists it, newest first", async () => {
    expect(recorded).toEqual({ reportId: 'r2024-b1', position: expect.any(BigInt), alreadyRecorded: false });
    const [event] = await app.ledger.store.readStream('report-b1');
    expect(event).toMatchObject({ type: 'ReportCompiled', streamVersion: 1, globalPosition: recorded.position, data: reportData('r2024-b1', 'b1') });
    const result = await list('b1');
    expect(result).toMatchObject({ org: 'b1', asOf: null });
    expect(result.reports.map((r) => r.reportId)).toEqual(['r2024-b1-v2', 'r2024-b1']);
    expect(result.reports[1]).toEqual({
      ...reportData('r2024-b1', 'b1'),
      eventId: event.eventId,
      globalPosition: recorded.position.toString(),
      streamVersion: 1,
      recordedAt: '2025-01-10T02:00:00.000Z',
      actor: '王书记',
      source: 'cli',
    });
    expect((await list('c1')).reports.map((r) => [r.reportId, r.rollup])).toEqual([['r2024-c1', true]]);
    expect(await app.queries.execute(new GetReportQuery({ reportId: 'r2024-b1' }))).toEqual(result.reports[1]);
  });

  it("leaves the org's stream version alone", async () => {
    const org = await app.ledger.view.getOrg('b1');
    expect(org?.streamVersion).toBe(1);
    expect(await app.ledger.store.streamVersion('org-b1')).toBe(1);
    expect(await app.ledger.store.streamVersion('report-b1')).toBe(2);
  });

  it('records a report once, however often it is recorded, and reports the first position', async () => {
    const headBefore = await app.ledger.store.headPosition();
    const again = await app.commands.execute(new RecordReportCommand(reportData('r2024-b1', 'b1', { template: '改过的模板' }), meta));
    expect(again).toEqual({ reportId: 'r2024-b1', position: recorded.position, alreadyRecorded: true });
    // Two at once: whichever reaches the store second is absorbed there, its event id being the same.
    const appends = jest.spyOn(app.ledger.store, 'appendToStream');
    const both = await Promise.all([
      app.commands.execute(new RecordReportCommand(reportData('r-twice', 'b1'), meta)),
      app.commands.execute(new RecordReportCommand(reportData('r-twice', 'b1'), meta)),
    ]);
    expect(both.map((r) => r.alreadyRecorded).sort()).toEqual([false, true]);
    // Both got past the read model's check and reached the store: the store's idempotency was tested.
    expect(appends).toHaveBeenCalledTimes(2);
    appends.mockRestore();
    expect(both[0].position).toBe(both[1].position);
    expect(await app.ledger.store.headPosition()).toBe(headBefore + 1n);
    expect(await app.ledger.store.readStream('report-b1')).toHaveLength(3);
    expect((await app.queries.execute(new GetReportQuery({ reportId: 'r2024-b1' }))).template).toBe('branch-secretary');
  });

  it('lists the reports the ledger held as of an instant', async () => {
    const ids = async (orgId: string, asOf: string) => (await list(orgId, asOf)).reports.map((r) => r.reportId);
    expect(await ids('b1', '2025-01-09T00:00:00Z')).toEqual([]);
    expect(await ids('b1', '2025-01-10T02:00:00Z')).toEqual(['r2024-b1']);
    expect(await ids('b1', '2025-01-15')).toEqual(['r2024-b1']);
    expect(await ids('b1', '2025-01-21')).toEqual(['r-twice', 'r2024-b1-v2', 'r2024-b1']);
    expect((await list('b1', '2025-01-15')).asOf).toBe('2025-01-15T15:59:59.999Z');
    expect((await refusal(list('b1', '2025-01-01'))).issues.map((i) => i.field)).toEqual(['orgId']);
  });

  it('lists the same after the read model is rebuilt from the store', async () => {
    const before = [await list('b1'), await list('c1')];
    const { events } = await app.commands.execute(new RebuildCommand());
    expect(events).toBe(Number(await app.ledger.store.headPosition()));
    expect([await list('b1'), await list('c1')]).toEqual(before);
    expect(before[0].reports).toHaveLength(3);
  });

  it('refuses an unknown org, a malformed report id and a report id another org recorded', async () => {
    const unknown = await refusal(app.commands.execute(new RecordReportCommand(reportData('r-x', 'nowhere'), meta)));
    expect(unknown.issues).toEqual([{ field: 'orgId', message: '组织不存在：nowhere', messageEn: 'unknown organisation: nowhere' }]);
    const malformed = await refusal(app.commands.execute(new RecordReportCommand(reportData('报告 1', 'b1', { year: 20.5 }), meta)));
    expect(malformed.issues.map((i) => i.field)).toEqual(['reportId', 'year']);
    const taken = await refusal(app.commands.execute(new RecordReportCommand(reportData('r2024-b1', 'c1'), meta)));
    expect(taken.issues).toMatchObject([{ field: 'reportId', message: '报告编号 r2024-b1 已用于组织 b1 的报告' }]);
    expect(await app.ledger.store.streamVersion('report-nowhere')).toBe(0);
    const missing = await refusal(app.queries.execute(new GetReportQuery({ reportId: 'no-such' })));
    expect(missing.issues).toEqual([{ field: 'reportId', message: '报告不存在：no-such', messageEn: 'unknown report: no-such' }]);
  });

  it('verifies every hash chain, report streams included, without taking them for cut-off org streams', async () => {
    const whole = await app.queries.execute(new VerifyQuery({}));
    expect(whole).toMatchObject({ ok: true, streams: 4, events: Number(await app.ledger.store.headPosition()) });
    expect(Object.keys(whole.heads).sort()).toEqual(['org-b1', 'org-c1', 'report-b1', 'report-c1']);
    expect(await app.queries.execute(new VerifyQuery({ orgId: 'b1' }))).toMatchObject({ ok: true, streams: 1 });
  });
});

describe('verify and a deleted report record', () => {
  it('names the report stream whose newest event was deleted behind the ledger’s back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taizhang-report-cut-'));
    const file = join(dir, 'ledger.db');
    const app = await bootApp(file, { now: () => new Date('2025-01-10T02:00:00.000Z') });
    try {
      await app.commands.execute(new RegisterOrganizationCommand({ id: 'b1', name: '第一党支部', kind: 'branch' }, meta));
      await app.commands.execute(new RecordReportCommand(reportData('r1', 'b1'), meta));
      await app.commands.execute(new RecordReportCommand(reportData('r2', 'b1'), meta));
      expect((await app.queries.execute(new VerifyQuery({}))).ok).toBe(true);
      expect(deleteLastEvent(file, 'report-b1')).toBe(2);
      expect(await app.queries.execute(new VerifyQuery({}))).toMatchObject({ ok: false, stream: 'report-b1', version: 2, reason: 'missing-events' });
    } finally {
      await app.context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
