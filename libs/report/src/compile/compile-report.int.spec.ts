import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orgStreamId } from '../../../domain/src';
import { seedSmallCommittee } from './small-committee.spec-helper';
import { openLedger } from '../../../application/src/open-ledger';
import type { Ledger } from '../../../application/src/ledger';
import { replayLedger } from '../../../projections/src/as-of';
import { figureIndexOf } from '../document/figure-marker';
import { TemplateError } from '../helpers/template-error';
import { compileReport, type CompileOptions } from './compile-report';
import { loadTemplate } from './template-source';

const TEMPLATE = [
  '{{!-- taizhang:rollup --}}',
  '# {{org.name}}{{year}}年度述职报告',
  '#### （{{org.kindName}}）',
  '全年召开支委会{{count "committee-meeting"}}次（应开{{compliance "committee-meeting" side="should"}}次，',
  '实开{{compliance "committee-meeting" side="did"}}次），书记讲党课{{cn (count "party-lecture" qualifier="secretary")}}次，',
  '主题党日参加{{attendance "theme-day"}}人次，开展专题研讨{{count "seminar"}}次，警示教育{{count "warning-education"}}次。',
  '## 一、各支部情况',
  '| 党组织 | 支委会 | 执行情况 |',
  '|---|---|---|',
  '{{#each branches}}',
  '| {{name}} | {{count "committee-meeting" org=id}} | {{complianceNote org=id}} |',
  '{{/each}}',
  '{{#has "research-visit"}}调研报告{{quantity "research-visit" unit="篇"}}篇。{{else}}本年度未记录调研。{{/has}}',
  '-> {{compiledDate}}',
].join('\n');

describe('compileReport (real SQLite ledger)', () => {
  let dir: string;
  let ledger: Ledger;
  let templatesDir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-compile-'));
    templatesDir = join(dir, 'templates');
    mkdirSync(templatesDir);
    writeFileSync(join(templatesDir, 'mine.hbs'), TEMPLATE);
    ledger = await openLedger(`sqlite:${join(dir, 't.db')}`);
    await seedSmallCommittee(ledger);
  });

  afterAll(async () => {
    await ledger.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const options = (extra: Partial<CompileOptions> = {}): CompileOptions => ({
    view: ledger.view,
    store: ledger.store,
    orgId: 'c1',
    year: 2025,
    template: loadTemplate('mine', templatesDir),
    rollup: false,
    today: '2026-01-05',
    compiledAt: '2026-01-05T02:00:00.000Z',
    ...extra,
  });

  it('fills every figure from the tally with the activities behind it, rolled up as the template demands', async () => {
    const report = await compileReport(options());
    expect(report.rollup).toBe(true);
    const [cm, should, did, secretaryCn, td] = report.figures;
    expect(cm).toMatchObject({ status: 'filled', value: 3, display: '3', activityIds: ['cm1', 'cm3', 'cm2'], org: 'c1', rollup: true, period: '2025' });
    expect(should).toMatchObject({ source: 'compliance', side: 'should', value: 24 });
    expect(did).toMatchObject({ source: 'compliance', side: 'did', value: 3, activityIds: ['cm1', 'cm2', 'cm3'] });
    expect(secretaryCn).toMatchObject({ value: 1, display: '一', activityIds: ['pl1'] });
    expect(td).toMatchObject({ metric: { kind: 'theme-day', measure: 'attendance' }, value: 35 });
  });

  it('shows a figure with no event behind it as a visible blank and lists it; --zero-ok turns it into 0', async () => {
    const report = await compileReport(options());
    const seminar = report.figures.find((f) => f.metric.kind === 'seminar')!;
    expect(seminar).toMatchObject({ status: 'missing', value: null, display: '【待补：专题研讨次数】' });
    expect(report.missing).toContain(seminar.index);
    const text = JSON.stringify(report.document);
    expect(text).toContain(`"figure":${seminar.index}`);

    const confirmed = await compileReport(options({ zeroOk: ['seminar'] }));
    const zero = confirmed.figures.find((f) => f.metric.kind === 'seminar')!;
    expect(zero).toMatchObject({ status: 'zero-confirmed', value: 0, display: '0' });
    expect(confirmed.missing).not.toContain(zero.index);
    expect(confirmed.missing).toContain(confirmed.figures.find((f) => f.metric.kind === 'warning-education')!.index);
  });

  it('builds the per-branch table from org= figures and compliance notes, and takes the {{else}} of has', async () => {
    const report = await compileReport(options());
    const table = report.document.blocks.find((b) => b.type === 'table');
    if (!table || table.type !== 'table') throw new Error('no table');
    expect(table.rows).toHaveLength(2);
    const b1Cell = table.rows[0][1][0];
    expect(b1Cell.type).toBe('figure');
    const b1Figure = report.figures[b1Cell.type === 'figure' ? b1Cell.figure : -1];
    expect(b1Figure).toMatchObject({ org: 'b1', rollup: false, value: 2, activityIds: ['cm1', 'cm2'] });
    expect(table.rows[0][2]).toEqual([{ type: 'text', text: expect.stringContaining('支部委员会会议少10次') }]);
    const paragraphs = report.document.blocks.filter((b) => b.type === 'paragraph').map((b) => JSON.stringify(b));
    expect(paragraphs.some((p) => p.includes('本年度未记录调研'))).toBe(true);
    expect(report.document.blocks[0]).toEqual({ type: 'title', inlines: [{ type: 'text', text: '机关党委2025年度述职报告' }] });
    expect(report.document.blocks.at(-1)).toEqual({ type: 'signature', inlines: [{ type: 'text', text: '2026年1月5日' }] });
  });

  it('records where it read from: position, rule and counting versions, template hash, every stream head', async () => {
    const report = await compileReport(options());
    expect(report.asOf.position).toBe((await ledger.store.headPosition()).toString());
    expect(report.ruleVersion).toMatch(/^2018/);
    expect(report.template.hash).toMatch(/^[0-9a-f]{64}$/);
    const b1 = await ledger.store.readStream(orgStreamId('b1'));
    expect(report.streamHeads[orgStreamId('b1')]).toEqual({ version: b1.length, hash: b1[b1.length - 1].hash });
    expect(Object.keys(report.streamHeads).sort()).toEqual(['org-b1', 'org-b2', 'org-c1']);
  });

  it('compiles the ledger as it stood at an instant from an as-of replay', async () => {
    const view = await replayLedger(ledger.store, { asOf: '2025-05-01T00:00:00.000Z', orgId: 'c1' });
    const report = await compileReport(options({ view, asOfInstant: '2025-05-01T00:00:00.000Z' }));
    const td = report.figures.find((f) => f.metric.kind === 'theme-day')!;
    expect(td.value).toBe(20); // b2's theme day was recorded in June
    expect(report.asOf.instant).toBe('2025-05-01T00:00:00.000Z');
    expect(BigInt(report.asOf.position)).toBeLessThan(await ledger.store.headPosition());
    expect(report.streamHeads[orgStreamId('b2')].version).toBe(2);
  });

  it('refuses unknown kinds in a template, bad years, unknown zero-ok kinds and unknown rule versions', async () => {
    writeFileSync(join(templatesDir, 'bad.hbs'), '{{count "no-such-kind"}}');
    await expect(compileReport(options({ template: loadTemplate('bad', templatesDir) }))).rejects.toThrow(TemplateError);
    await expect(compileReport(options({ year: 25 }))).rejects.toMatchObject({ issues: [{ field: 'year' }] });
    await expect(compileReport(options({ zeroOk: ['nope'] }))).rejects.toMatchObject({ issues: [{ field: 'zeroOk' }] });
    await expect(compileReport(options({ ruleVersion: 'v0' }))).rejects.toMatchObject({ issues: [{ field: 'ruleVersion' }] });
    await expect(compileReport(options({ orgId: 'ghost' }))).rejects.toMatchObject({ issues: [{ field: 'orgId' }] });
    expect(() => loadTemplate('missing-one', templatesDir)).toThrow(/missing-one/);
    expect(figureIndexOf('x')).toBeUndefined();
  });
});
