import type { CompiledReport } from '../../compile/compiled-report';
import type { Inline } from '../../document/report-document';
import { sampleReport } from '../sample-report.spec-helper';
import { renderMarkdown } from './render-markdown';

const t = (text: string): Inline => ({ type: 'text', text });
const f = (figure: number): Inline => ({ type: 'figure', figure });

/** The sample report's figures with a document of the given blocks. */
function withBlocks(blocks: CompiledReport['document']['blocks']): CompiledReport {
  return { ...sampleReport(), document: { blocks } };
}

describe('renderMarkdown', () => {
  it('writes title, headings by level and paragraphs separated by one blank line, ending in one newline', () => {
    const md = renderMarkdown(
      withBlocks([
        { type: 'title', inlines: [t('述职报告')] },
        { type: 'heading', level: 1, inlines: [t('一、履职情况')] },
        { type: 'heading', level: 2, inlines: [t('（一）组织生活')] },
        { type: 'paragraph', inlines: [t('正文。')] },
        { type: 'signature', inlines: [t('2026年1月5日')] },
      ]),
    );
    expect(md).toBe('# 述职报告\n\n## 一、履职情况\n\n### （一）组织生活\n\n正文。\n\n2026年1月5日\n');
  });

  it('prints figures as their display text and blanks as their 待补 mark', () => {
    const md = renderMarkdown(withBlocks([{ type: 'paragraph', inlines: [f(1), t('/'), f(2), t('/'), f(3)] }]));
    expect(md).toBe('两/【待补：专题研讨次数】/236\n');
  });

  it('falls back to the label for a blank that has no display text', () => {
    const report = withBlocks([{ type: 'paragraph', inlines: [f(2)] }]);
    report.figures[2].display = '';
    expect(renderMarkdown(report)).toBe('【待补：专题研讨次数】\n');
  });

  it('escapes a title with HTML and entities so no raw HTML reaches a Markdown viewer', () => {
    const md = renderMarkdown(withBlocks([{ type: 'title', inlines: [t('关于<script>alert(1)</script>&amp;的报告 & 说明')] }]));
    expect(md).toBe('# 关于\\<script>alert(1)\\</script>\\&amp;的报告 & 说明\n');
  });

  it('escapes a paragraph that would otherwise start a list', () => {
    expect(renderMarkdown(withBlocks([{ type: 'paragraph', inlines: [t('1. 全年')] }]))).toBe('1\\. 全年\n');
  });

  it('writes a GFM table, escaping pipes in cells and padding short rows', () => {
    const md = renderMarkdown(
      withBlocks([
        {
          type: 'table',
          header: [[t('项目')], [t('次数')], [t('备注')]],
          rows: [[[t('支委会|党员大会')], [f(0)]]],
        },
      ]),
    );
    expect(md).toBe('| 项目 | 次数 | 备注 |\n| --- | --- | --- |\n| 支委会\\|党员大会 | 12 |  |\n');
    // Every row splits into the same number of cells once escaped pipes are discounted.
    const cellCounts = md
      .trimEnd()
      .split('\n')
      .map((line) => line.split(/(?<!\\)\|/).length);
    expect(new Set(cellCounts).size).toBe(1);
  });

  it('adds nothing after the report: no provenance, no activity ids', () => {
    const md = renderMarkdown(sampleReport());
    expect(md.trimEnd().endsWith('2026年1月5日')).toBe(true);
    expect(md).not.toContain('数据来源');
    expect(md).not.toContain('a1');
  });

  it('refuses a document that points at a figure the report does not have', () => {
    expect(() => renderMarkdown(withBlocks([{ type: 'paragraph', inlines: [f(9)] }]))).toThrow(/figure 9/);
  });
});
