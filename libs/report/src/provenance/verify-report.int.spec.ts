import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { orgStreamId } from '../../../domain/src';
import { openLedger } from '../../../application/src/open-ledger';
import type { Ledger } from '../../../application/src/ledger';
import { details, ev } from '../../../projections/src/ledger-events.spec-helper';
import { compileReport } from '../compile/compile-report';
import type { CompiledReport } from '../compile/compiled-report';
import { seedSmallCommittee } from '../compile/small-committee.spec-helper';
import { templateFromSource } from '../compile/template-source';
import { reportJson } from '../render/json/report-json';
import { fromCompiledData, fromReportFile, reportCompiledData } from './recorded-report';
import { verifyReport } from './verify-report';

const TEMPLATE = [
  '支委会{{count "committee-meeting" org="b1"}}次，主题党日{{attendance "theme-day"}}人次，',
  '专题研讨{{count "seminar"}}次，应开支委会{{compliance "committee-meeting" side="should" org="b1"}}次，',
  '实开{{compliance "committee-meeting" side="did" org="b1"}}次，警示教育{{count "warning-education"}}次。',
].join('\n');

describe('verifyReport (real SQLite ledger)', () => {
  let dir: string;
  let file: string;
  let ledger: Ledger;
  let report: CompiledReport;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-verify-'));
    file = join(dir, 't.db');
    ledger = await openLedger(`sqlite:${file}`);
    await seedSmallCommittee(ledger);
    const template = templateFromSource('probe', TEMPLATE);
    report = await compileReport({
      view: ledger.view,
      store: ledger.store,
      orgId: 'c1',
      year: 2025,
      template,
      rollup: true,
      zeroOk: ['warning-education'],
      today: '2026-01-05',
      compiledAt: '2026-01-05T02:00:00.000Z',
    });
  });

  afterAll(async () => {
    await ledger.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds a fresh report matching the ledger, at its position and now', async () => {
    const recorded = fromCompiledData(reportCompiledData(report, 'r1', 'json'), '2026-01-05');
    const result = await verifyReport(ledger.store, ledger.view, recorded);
    expect(result).toMatchObject({ ok: true, headsIntact: true, matchesAtRecording: true, unchangedSince: true, figures: 6 });
    expect(result.mismatches).toEqual([]);
  });

  it('after a correction, a void and a late entry: still true as of its position, and lists what changed and which events', async () => {
    const b1 = orgStreamId('b1');
    const version = await ledger.store.streamVersion(b1);
    await ledger.store.appendToStream(
      b1,
      [
        ev.activityCorrected('td1', 'b1', details({ date: '2025-03-05', kinds: ['theme-day'], headcount: 25 }), ['headcount'], '人数填错', { at: '2026-02-01T00:00:00.000Z' }),
        ev.activityVoided('cm2', 'b1', '重复录入', { at: '2026-02-02T00:00:00.000Z' }),
        ev.activityLogged('sem1', 'b1', details({ date: '2025-09-09', kinds: ['seminar'] }), { at: '2026-02-03T00:00:00.000Z' }),
        ev.activityLogged('we1', 'b1', details({ date: '2025-10-10', kinds: ['warning-education'] }), { at: '2026-02-04T00:00:00.000Z' }),
      ],
      version,
    );
    await ledger.catchUp();
    const recorded = fromReportFile(JSON.parse(JSON.stringify(reportJson(report))));
    const result = await verifyReport(ledger.store, ledger.view, recorded);
    expect(result.ok).toBe(true);
    expect(result.unchangedSince).toBe(false);
    const byKind = (kind: string, side: string | null = null) => result.changes.find((c) => c.kind === kind && c.side === side);
    expect(byKind('committee-meeting')).toMatchObject({ recorded: 2, value: 1, events: [{ type: 'ActivityVoided', activityId: 'cm2', reason: '重复录入' }] });
    expect(byKind('committee-meeting', 'did')).toMatchObject({ recorded: 2, value: 1 });
    expect(byKind('committee-meeting', 'should')).toBeUndefined();
    expect(byKind('theme-day')).toMatchObject({ recorded: 35, value: 40, events: [{ type: 'ActivityCorrected', activityId: 'td1', reason: '人数填错' }] });
    expect(byKind('seminar')).toMatchObject({ recorded: null, value: 1, events: [{ type: 'ActivityLogged', activityId: 'sem1' }] });
    expect(byKind('warning-education')).toMatchObject({ recorded: 0, value: 1, events: [{ activityId: 'we1' }] });
  });

  it('catches a report file whose figure was edited after compiling', async () => {
    const json = JSON.parse(JSON.stringify(reportJson(report)));
    json.figures[1].value = 99;
    const result = await verifyReport(ledger.store, ledger.view, fromReportFile(json));
    expect(result.ok).toBe(false);
    expect(result.mismatches).toEqual([expect.objectContaining({ index: 1, recorded: 99, value: 35, kind: 'theme-day' })]);
  });

  it('refuses a file that is not a report and a rule version it does not know', async () => {
    expect(() => fromReportFile({ hello: 1 })).toThrow(/org\.id/);
    const recorded = { ...fromReportFile(JSON.parse(JSON.stringify(reportJson(report)))), ruleVersion: 'v0' };
    await expect(verifyReport(ledger.store, ledger.view, recorded)).rejects.toMatchObject({ issues: [{ field: 'ruleVersion' }] });
  });

  it('names the stream whose recorded head no longer matches after the history was edited', async () => {
    const db = new Database(file);
    db.prepare("UPDATE events SET data = replace(data, '一支部', '改过的') WHERE stream_id = 'org-b1' AND stream_version = 1").run();
    db.close();
    const result = await verifyReport(ledger.store, ledger.view, fromReportFile(JSON.parse(JSON.stringify(reportJson(report)))));
    expect(result.ok).toBe(false);
    expect(result.brokenHeads).toEqual([expect.objectContaining({ stream: 'org-b1', reason: 'chain-broken' })]);
  });
});
