import { figureMarker } from './figure-marker';
import { parseReportText } from './parse-report-text';

describe('parseReportText', () => {
  it('reads every block kind, joining wrapped lines without spaces and keeping figures as references', () => {
    const text = [
      '# 某支部书记述职报告',
      '#### （2026年1月）',
      '',
      `全年召开支委会${figureMarker(0)}次，`,
      `讲党课${figureMarker(1)}次。`,
      '## 一、履职情况',
      '### （一）三会一课',
      '| 党组织 | 支委会 |',
      '|---|---|',
      `| 一支部 | ${figureMarker(2)} |`,
      '| A\\|B | 3 |',
      '-> 2026年1月5日',
    ].join('\n');
    const doc = parseReportText(text);
    expect(doc.blocks.map((b) => b.type)).toEqual(['title', 'subtitle', 'paragraph', 'heading', 'heading', 'table', 'signature']);
    expect(doc.blocks[2]).toEqual({
      type: 'paragraph',
      inlines: [
        { type: 'text', text: '全年召开支委会' },
        { type: 'figure', figure: 0 },
        { type: 'text', text: '次，讲党课' },
        { type: 'figure', figure: 1 },
        { type: 'text', text: '次。' },
      ],
    });
    expect(doc.blocks[3]).toMatchObject({ level: 1 });
    expect(doc.blocks[4]).toMatchObject({ level: 2 });
    const table = doc.blocks[5];
    if (table.type !== 'table') throw new Error('not a table');
    expect(table.header.map((c) => c[0])).toEqual([{ type: 'text', text: '党组织' }, { type: 'text', text: '支委会' }]);
    expect(table.rows[0][1]).toEqual([{ type: 'figure', figure: 2 }]);
    expect(table.rows[1][0]).toEqual([{ type: 'text', text: 'A|B' }]);
    expect(doc.blocks[6]).toEqual({ type: 'signature', inlines: [{ type: 'text', text: '2026年1月5日' }] });
  });

  it('separates paragraphs at blank lines and drops empty output', () => {
    const doc = parseReportText('第一段。\n\n\n第二段\n继续。\n');
    expect(doc.blocks).toEqual([
      { type: 'paragraph', inlines: [{ type: 'text', text: '第一段。' }] },
      { type: 'paragraph', inlines: [{ type: 'text', text: '第二段继续。' }] },
    ]);
    expect(parseReportText('\n  \n').blocks).toEqual([]);
  });
});
