import { PassThrough } from 'node:stream';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { EnrollMemberCommand } from '../../libs/application/src/commands/member.commands';
import { RegisterOrganizationCommand } from '../../libs/application/src/commands/organization.commands';
import { planImport } from '../../libs/application/src/import/plan-import';
import { runImport } from '../../libs/application/src/import/run-import';
import { chinaDateOf } from '../../libs/domain/src/civil-date';
import { readImportFile } from '../../libs/ledger-io/src/import/read-import-file';
import { ProgressBar } from '../../apps/cli/src/printers/progress-bar';
import { bootBenchApp } from './bench-app';
import { type BenchStore, scratchStore } from './bench-store';
import { Figure, TARGETS } from './figures';

/** Issue 6: a 100,000-row sheet imports in under 10 s on this machine (`TARGETS.importSheet`). */
export const IMPORT_BENCH_ROWS = 100_000;

export interface ImportMeasurement {
  figure: Figure;
  rows: number;
  imported: number;
  problems: number;
  /** Seconds per stage: read (xlsx → rows), plan (validate against the ledger), run (append + catch up). */
  stages: { read: number; plan: number; run: number };
  /** Seconds to write the generated workbook (not part of the figure). */
  generateSeconds: number;
}

const MEMBERS = 40;
const KINDS = ['支部党员大会', '支委会', '党小组会', '党课', '主题党日', '集中学习', '支部党员大会、党课', '党课+主题党日'];

/**
 * A 台账 sheet of `rows` activities as a secretary's Excel holds them: a title row, the header,
 * real date cells, kinds (some combined sittings), 3–8 named attendees from the roster, 实到, 学时.
 * Written with exceljs's streaming writer (the in-memory one takes longer than the import).
 */
export async function generateLedgerXlsx(rows: number, year: number, memberNames: readonly string[]): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('活动台账');
  ws.addRow([`${year}年党支部活动台账`]).commit();
  ws.addRow(['序号', '日期', '活动类型', '主题', '地点', '主持人', '参会人员', '实到', '学时', '备注']).commit();
  let seed = 20_210_705;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let i = 0; i < rows; i++) {
    const date = new Date(Date.UTC(year, 0, 1 + Math.floor(next() * 365)));
    const count = 3 + Math.floor(next() * 6);
    const start = Math.floor(next() * memberNames.length);
    const names = Array.from({ length: count }, (_, k) => memberNames[(start + k) % memberNames.length]);
    const row = ws.addRow([i + 1, date, KINDS[i % KINDS.length], `学习第${i + 1}期`, '党员活动室', names[0], names.join('、'), count, 2, null]);
    row.getCell(2).numFmt = 'yyyy"年"m"月"d"日"';
    row.commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/**
 * Imports a generated `rows`-row xlsx into a fresh ledger (one branch, its roster) the way
 * `taizhang import` does, and times read + plan + run. Uses a scratch store of its own, of the
 * run's kind (a temporary SQLite file, or a fresh PostgreSQL schema).
 */
export async function measureImport(rows: number = IMPORT_BENCH_ROWS, like?: BenchStore): Promise<ImportMeasurement> {
  const store = scratchStore(like);
  const app = await bootBenchApp(store.url).catch(async (error: unknown) => {
    await store.dispose();
    throw error;
  });
  try {
    const meta = { actor: 'bench', source: 'system' as const };
    await app.commands.execute(new RegisterOrganizationCommand({ id: 'ib1', name: '导入测试党支部', kind: 'branch', establishedOn: '2000-01-01' }, meta));
    const names = Array.from({ length: MEMBERS }, (_, i) => `党员${String(i + 1).padStart(2, '0')}`);
    for (const [i, name] of names.entries()) {
      await app.commands.execute(new EnrollMemberCommand({ memberId: `im${i + 1}`, name, orgId: 'ib1', since: '2000-01-01' }, meta));
    }
    const today = chinaDateOf(new Date());
    const year = Number(today.slice(0, 4)) - 1;

    const generated = performance.now();
    const bytes = await generateLedgerXlsx(rows, year, names);
    const generateSeconds = (performance.now() - generated) / 1000;

    const bar = new ProgressBar('import');
    const t0 = performance.now();
    const parsed = await readImportFile({ bytes, fileName: 'bench.xlsx' });
    const t1 = performance.now();
    const plan = await planImport(app.ledger, parsed, { orgId: 'ib1', today });
    const t2 = performance.now();
    const outcome = await runImport(app.ledger, plan, { actor: 'bench', onProgress: (d, t) => bar.update(d, t) });
    const t3 = performance.now();
    bar.finish();
    const seconds = (t3 - t0) / 1000;
    return {
      rows: parsed.rows.length,
      imported: outcome.imported,
      problems: outcome.plan.problems.length,
      stages: { read: (t1 - t0) / 1000, plan: (t2 - t1) / 1000, run: (t3 - t2) / 1000 },
      generateSeconds,
      figure: {
        id: 'importSheet',
        label: `import a ${rows.toLocaleString('en')}-row xlsx sheet`,
        value: seconds,
        unit: 's',
        target: TARGETS.importSheet,
        detail:
          `${outcome.imported} activities appended (${outcome.plan.problems.length} problems): read ${((t1 - t0) / 1000).toFixed(2)} s, ` +
          `validate ${((t2 - t1) / 1000).toFixed(2)} s, append + catch up ${((t3 - t2) / 1000).toFixed(2)} s; ${bytes.length} bytes of xlsx`,
      },
    };
  } finally {
    await app.close();
    await store.dispose();
  }
}
