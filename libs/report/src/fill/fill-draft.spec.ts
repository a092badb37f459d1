import { Document, Packer, Paragraph, TextRun } from 'docx';
import { readDocxText } from './docx';
import { draftFormatOf, fillDraft } from './fill-draft';
import { metricSourceOf } from './metric-source';

const source = metricSourceOf([
  { kind: 'committee-meeting', qualifier: null, measure: 'count', unit: null, value: 12, activityIds: ['a'] },
  { kind: 'party-lecture', qualifier: 'secretary', measure: 'count', unit: null, value: 2, activityIds: ['b', 'c'] },
]);

describe('fillDraft', () => {
  it('fills a UTF-8 text draft, keeping its BOM and every other byte', async () => {
    const draft = '\uFEFF全年召开支委会XX次，支部书记讲党课X次，到XX村调研。\n';
    const result = await fillDraft('txt', Buffer.from(draft, 'utf8'), source);
    expect(result.content.toString('utf8')).toBe('\uFEFF全年召开支委会12次，支部书记讲党课2次，到XX村调研。\n');
    expect(result.blanks.map((b) => [b.offset, b.status])).toEqual([
      [7, 'filled'],
      [18, 'filled'],
      [22, 'not-quantitative'],
    ]);
  });

  it('reads a GB18030 draft (as Windows saves Chinese text) and writes UTF-8', async () => {
    // 召开支委会XX次 in GB18030, written out byte by byte (Node cannot encode GB18030).
    const gb = Buffer.from([0xd5, 0xd9, 0xbf, 0xaa, 0xd6, 0xa7, 0xce, 0xaf, 0xbb, 0xe1, 0x58, 0x58, 0xb4, 0xce]);
    const result = await fillDraft('txt', gb, source);
    expect(result.convertedFromGb18030).toBe(true);
    expect(result.content.toString('utf8')).toBe('\uFEFF召开支委会12次');
  });

  it('fills a Word draft in place even when a blank is split across runs', async () => {
    const doc = new Document({
      sections: [{ children: [new Paragraph({ children: [new TextRun('全年召开支委会'), new TextRun({ text: 'X', bold: true }), new TextRun('X次。')] })] }],
    });
    const result = await fillDraft('docx', await Packer.toBuffer(doc), source);
    expect((await readDocxText(result.content)).text).toBe('全年召开支委会12次。');
    expect(result.blanks[0]).toMatchObject({ status: 'filled', value: 12, metric: { kind: 'committee-meeting', measure: 'count' } });
  });

  it('refuses a draft it cannot read, naming the draft', async () => {
    await expect(fillDraft('docx', Buffer.from('not a zip'), source)).rejects.toMatchObject({ issues: [{ field: 'draft' }] });
    await expect(fillDraft('txt', Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x80]), source)).rejects.toMatchObject({ issues: [{ field: 'draft' }] });
    expect(() => draftFormatOf('report.pdf')).toThrow(/\.docx/);
    expect(draftFormatOf('a/b/草稿.DOCX')).toBe('docx');
  });
});
