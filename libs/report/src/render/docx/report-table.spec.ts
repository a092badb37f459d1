import type { CompiledReport } from '../../compile/compiled-report';
import { sampleReport } from '../sample-report.spec-helper';
import { attributesOf, paragraphsOf, renderAndOpen, runsOf, textOf } from './docx-package.spec-helper';
import { TYPE_AREA_WIDTH } from './gongwen-measures';

const tableOf = (xml: string): string => /<w:tbl>.*?<\/w:tbl>/s.exec(xml)?.[0] ?? '';
const rowsOf = (table: string): string[] => table.match(/<w:tr>.*?<\/w:tr>/gs) ?? [];
const cellsOf = (row: string): string[] => row.match(/<w:tc>.*?<\/w:tc>/gs) ?? [];

describe('report tables', () => {
  let table: string;

  beforeAll(async () => {
    table = tableOf(await (await renderAndOpen()).part('word/document.xml'));
  });

  it('renders the table with its header and rows', () => {
    expect(table).not.toBe('');
    expect(rowsOf(table).map((row) => cellsOf(row).map(textOf))).toEqual([
      ['项目', '次数'],
      ['支委会', '12'],
      ['专题研讨', '【待补：专题研讨次数】'],
    ]);
  });

  it('spans the full width with single rules all round', () => {
    expect(attributesOf(table, 'w:tblW')).toEqual({ 'w:type': 'pct', 'w:w': '5000' });
    for (const edge of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) {
      expect(attributesOf(table, `w:${edge}`)).toMatchObject({ 'w:val': 'single', 'w:sz': '4' });
    }
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(2);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(TYPE_AREA_WIDTH);
  });

  it('sets a bold, repeating header row and plain body rows in 4号 仿宋', () => {
    const [header, ...body] = rowsOf(table);
    expect(header).toContain('<w:tblHeader/>');
    for (const run of runsOf(header)) expect(run).toContain('<w:b/>');
    for (const row of body) {
      expect(row).not.toContain('<w:tblHeader');
      for (const run of runsOf(row)) expect(run).not.toContain('<w:b/>');
    }
    for (const run of runsOf(table)) {
      expect(attributesOf(run, 'w:sz')).toEqual({ 'w:val': '28' });
      expect(attributesOf(run, 'w:rFonts')?.['w:eastAsia']).toBe('仿宋_GB2312');
    }
  });

  it('does not indent cell text', () => {
    for (const paragraph of paragraphsOf(table)) expect(attributesOf(paragraph, 'w:ind')).toMatchObject({ 'w:firstLine': '0' });
  });

  it('pads ragged rows so every row has the grid’s column count, and omits an empty header', async () => {
    const report: CompiledReport = sampleReport();
    const t = (text: string) => ({ type: 'text' as const, text });
    report.document.blocks = [{ type: 'table', header: [], rows: [[[t('甲')], [t('乙')], [t('丙')]], [[t('丁')]]] }];
    const ragged = tableOf(await (await renderAndOpen(report)).part('word/document.xml'));
    expect(ragged).not.toContain('<w:tblHeader');
    expect(rowsOf(ragged).map((row) => cellsOf(row).map(textOf))).toEqual([
      ['甲', '乙', '丙'],
      ['丁', '', ''],
    ]);
    for (const cell of cellsOf(ragged)) expect(paragraphsOf(cell)).toHaveLength(1);
  });
});
