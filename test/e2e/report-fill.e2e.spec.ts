import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { readDocxText } from '../../libs/report/src/fill/docx';
import { lastYear } from '../helpers/dates';
import { cliOn } from '../helpers/run-cli';
import { countEvents } from '../helpers/store-file';
import { createTempStore } from '../helpers/temp-store';

/**
 * A secretary fills her own draft: numbers from the ledger go into the quantitative blanks,
 * names hidden behind XX stay as written, and every blank says what happened to it.
 */
const Y = lastYear();
const store = createTempStore('fill');
const tz = cliOn(store.url);

interface FillJson {
  out: string | null;
  blanks: { index: number; offset: number; placeholder: string; quantitative: boolean; value: number | null; status: string; metric: { kind: string } | null }[];
}

const DRAFT = [
  `${Y}年，市XX办党支部全年召开支委会XX次，支部书记讲党课X次，`,
  '开展专题研讨XX次，组织党员到XX村开展志愿服务，党员参会率达XX%。',
  '',
].join('\n');

beforeAll(async () => {
  await tz.ok(['org', 'add', '--id', 'b1', '--name', '第一党支部', '--kind', 'branch']);
  for (const month of ['01', '02', '03']) await tz.ok(['log', '--org', 'b1', '--date', `${Y}-${month}-10`, '--kind', '支委会', '--headcount', '5']);
  await tz.ok(['log', '--org', 'b1', '--date', `${Y}-04-10`, '--kind', '党课', '--qualifier', '支部书记', '--headcount', '20']);
});

afterAll(() => store.remove());

describe('taizhang fill', () => {
  it('fills a text draft from the ledger and leaves names, rates and missing figures as written', async () => {
    const draft = join(store.dir, '草稿.txt');
    writeFileSync(draft, DRAFT);
    const r = await tz.ok(['fill', draft, '--org', 'b1', '--year', String(Y)]);
    expect(r.stdout).toBe(DRAFT.replace('支委会XX次', '支委会3次').replace('讲党课X次', '讲党课1次'));
    expect(r.stderr).toContain('已填 2');
    expect(r.stderr).toContain('台账中无记录');
  });

  it('--json lists every placeholder in document order with offset, status and metric', async () => {
    const draft = join(store.dir, 'draft.md');
    writeFileSync(draft, DRAFT);
    const out = join(store.dir, 'filled.md');
    const r = await tz.ok<FillJson>(['fill', draft, '--org', 'b1', '--year', String(Y), '--out', out, '--json']);
    expect(r.json.out).toBe(out);
    expect(r.json.blanks.map((b) => b.status)).toEqual(['not-quantitative', 'filled', 'filled', 'no-data', 'not-quantitative', 'unmapped']);
    expect(r.json.blanks.map((b) => b.index)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const b of r.json.blanks) expect(DRAFT.slice(b.offset, b.offset + b.placeholder.length)).toBe(b.placeholder);
    expect(r.json.blanks[1]).toMatchObject({ value: 3, metric: { kind: 'committee-meeting' } });
    expect(readFileSync(out, 'utf8')).toContain('支委会3次');
  });

  it('fills a Word draft in place when a blank is split across differently formatted runs', async () => {
    const draft = join(store.dir, '述职草稿.docx');
    const doc = new Document({
      sections: [{ children: [new Paragraph({ children: [new TextRun('全年召开支委会'), new TextRun({ text: 'X', bold: true }), new TextRun('X次。')] })] }],
    });
    writeFileSync(draft, await Packer.toBuffer(doc));
    const out = join(store.dir, 'filled.docx');
    await tz.ok(['fill', draft, '--org', 'b1', '--year', String(Y), '--out', out]);
    expect((await readDocxText(readFileSync(out))).text).toBe('全年召开支委会3次。');
  });

  it('refuses an unreadable draft, an unknown org and a wrong file type with exit 2, writing nothing', async () => {
    const events = countEvents(store.file);
    const bad = join(store.dir, 'broken.docx');
    writeFileSync(bad, 'not a word file');
    const broken = await tz.run(['fill', bad, '--org', 'b1', '--year', String(Y)]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('无法读取 Word 草稿');
    const unknown = await tz.run(['fill', join(store.dir, '草稿.txt'), '--org', 'nope', '--year', String(Y)]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('orgId');
    const pdf = await tz.run(['fill', join(store.dir, 'x.pdf'), '--org', 'b1', '--year', String(Y)]);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('.docx');
    expect(countEvents(store.file)).toBe(events);
  });
});
