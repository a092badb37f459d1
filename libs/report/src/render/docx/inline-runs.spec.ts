import type { CompiledReport } from '../../compile/compiled-report';
import type { Block } from '../../document/report-document';
import { sampleReport } from '../sample-report.spec-helper';
import { attributesOf, paragraphWith, renderAndOpen, runsOf, textOf } from './docx-package.spec-helper';
import { inlineText } from './inline-runs';
import { renderDocx } from './render-docx';

function withBlocks(blocks: Block[]): CompiledReport {
  const report = sampleReport();
  report.document.blocks = blocks;
  return report;
}

describe('inline runs', () => {
  let documentXml: string;

  beforeAll(async () => {
    documentXml = await (await renderAndOpen()).part('word/document.xml');
  });

  it('shows each figure as its display text', () => {
    const runs = runsOf(paragraphWith(documentXml, '全年召开支委会')).map(textOf);
    expect(runs).toEqual(['全年召开支委会', '12', '次，支部书记讲党课', '两', '次，开展专题研讨', '【待补：专题研讨次数】', '次，主题党日参加', '236', '人次。']);
  });

  it('highlights a missing figure in yellow, in the body and in the table', () => {
    const blanks = runsOf(documentXml).filter((run) => textOf(run) === '【待补：专题研讨次数】');
    expect(blanks).toHaveLength(2);
    for (const run of blanks) expect(attributesOf(run, 'w:highlight')).toEqual({ 'w:val': 'yellow' });
  });

  it('leaves filled figures and plain text unhighlighted', () => {
    const highlighted = runsOf(documentXml).filter((run) => run.includes('<w:highlight'));
    expect(highlighted.map(textOf)).toEqual(['【待补：专题研讨次数】', '【待补：专题研讨次数】']);
  });

  it('highlights by status, not by the text: a zero-confirmed figure shows plainly', async () => {
    const report = withBlocks([{ type: 'paragraph', inlines: [{ type: 'figure', figure: 2 }] }]);
    report.figures[2] = { ...report.figures[2], status: 'zero-confirmed', value: 0, display: '0' };
    const xml = await (await renderAndOpen(report)).part('word/document.xml');
    const run = runsOf(xml).find((r) => textOf(r) === '0');
    expect(run).toBeDefined();
    expect(run).not.toContain('<w:highlight');
  });

  it('escapes XML-special characters in text', async () => {
    const report = withBlocks([{ type: 'paragraph', inlines: [{ type: 'text', text: 'A&B <党员> "学习"' }] }]);
    const xml = await (await renderAndOpen(report)).part('word/document.xml');
    expect(xml).toContain('A&amp;B &lt;党员&gt;');
    expect(textOf(xml)).toContain('A&amp;B &lt;党员&gt;');
  });

  it('refuses a reference to a figure the report does not have', async () => {
    const report = withBlocks([{ type: 'paragraph', inlines: [{ type: 'figure', figure: 9 }] }]);
    await expect(renderDocx(report)).rejects.toThrow('序号 9');
  });

  it('joins inline text with figures for document properties', () => {
    const report = sampleReport();
    expect(inlineText([{ type: 'text', text: '召开' }, { type: 'figure', figure: 1 }, { type: 'text', text: '次' }], report.figures)).toBe('召开两次');
  });
});
