import { Document, Header, Packer, Paragraph, Tab, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { scanPlaceholders } from '../placeholder-scanner';
import { mapDocumentText } from './document-text-map';
import { applyDocxEdits, fillDocx, readDocxText } from './docx-text';

/** A secretary's draft as Word tools write it: a blank split over a bold and a plain run, a table, a header. */
async function draft(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('第XX页 页眉')] }) },
        children: [
          new Paragraph({ children: [new TextRun('开展研讨'), new TextRun({ text: 'X', bold: true }), new TextRun('X次')] }),
          new Paragraph({ children: [new TextRun('  参加 & 列席 <XX> 人  ')] }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('党员人数')] }),
                  new TableCell({ children: [new Paragraph({ children: [new TextRun('共XX人')] })] }),
                ],
              }),
            ],
          }),
          new Paragraph({ children: [new TextRun({ children: ['表', new Tab(), 'X'] }), new TextRun({ text: '份', italics: true })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const DRAFT_TEXT = '开展研讨XX次\n  参加 & 列席 <XX> 人  \n党员人数\n共XX人\n表\tX份';

async function entries(buffer: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(buffer);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) out.set(name, await (zip.files[name] as JSZip.JSZipObject).async('nodebuffer'));
  return out;
}

describe('readDocxText', () => {
  it('reads the body in order, tables included, header left out', async () => {
    expect((await readDocxText(await draft())).text).toBe(DRAFT_TEXT);
  });

  it('refuses what is not a Word document', async () => {
    await expect(readDocxText(Buffer.from('not a zip'))).rejects.toThrow(/Not a \.docx package/);
    const zip = new JSZip();
    zip.file('a.txt', 'x');
    await expect(readDocxText(await zip.generateAsync({ type: 'nodebuffer' }))).rejects.toThrow(/word\/document\.xml is missing/);
  });
});

describe('applyDocxEdits', () => {
  it('fills blanks in place, keeping run formatting and every other part byte-identical', async () => {
    const input = await draft();
    const { text } = await readDocxText(input);
    const output = await applyDocxEdits(input, [
      { offset: text.indexOf('XX次'), length: 2, text: '12' },
      { offset: text.indexOf('XX>'), length: 2, text: '3' },
      { offset: text.indexOf('XX人'), length: 2, text: '45' },
      { offset: text.indexOf('X份'), length: 1, text: '6' },
    ]);

    const before = await entries(input);
    const after = await entries(output);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before) {
      if (name !== 'word/document.xml') expect({ name, same: after.get(name)?.equals(bytes) }).toEqual({ name, same: true });
    }
    expect(after.get('word/header1.xml')?.toString('utf8')).toContain('第XX页');

    const xml = after.get('word/document.xml')?.toString('utf8') ?? '';
    const original = before.get('word/document.xml')?.toString('utf8') ?? '';
    expect(xml).toContain(
      '<w:r><w:t xml:space="preserve">开展研讨</w:t></w:r>' +
        '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">12</w:t></w:r>' +
        '<w:r><w:t xml:space="preserve">次</w:t></w:r>',
    );
    expect(xml).toContain('<w:t xml:space="preserve">  参加 &amp; 列席 &lt;3&gt; 人  </w:t>');
    expect(xml).toContain('<w:t xml:space="preserve">共45人</w:t>');
    expect(xml).toContain('<w:t xml:space="preserve">表</w:t><w:tab/><w:t xml:space="preserve">6</w:t></w:r><w:r><w:rPr><w:i/><w:iCs/></w:rPr>');
    // Only text content changed: the markup is the same once text is blanked out.
    const markup = (s: string) => s.replace(/>[^<]*</g, '><');
    expect(markup(xml)).toBe(markup(original));

    expect(() => mapDocumentText(xml)).not.toThrow();
    expect((await readDocxText(output)).text).toBe('开展研讨12次\n  参加 & 列席 <3> 人  \n党员人数\n共45人\n表\t6份');
  });

  it('removes the plain run when a split blank is replaced entirely into the bold one', async () => {
    const doc = new Document({
      sections: [{ children: [new Paragraph({ children: [new TextRun('研讨'), new TextRun({ text: 'X', bold: true }), new TextRun('X'), new TextRun('次')] })] }],
    });
    const input = await Packer.toBuffer(doc);
    const output = await applyDocxEdits(input, [{ offset: 2, length: 2, text: '7' }]);
    const xml = (await entries(output)).get('word/document.xml')?.toString('utf8') ?? '';
    expect(xml).toContain('<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">7</w:t></w:r><w:r><w:t xml:space="preserve">次</w:t></w:r>');
    expect((await readDocxText(output)).text).toBe('研讨7次');
  });

  it('refuses an edit spanning two paragraphs', async () => {
    const input = await draft();
    const end = DRAFT_TEXT.indexOf('\n');
    await expect(applyDocxEdits(input, [{ offset: end - 1, length: 3, text: '' }])).rejects.toThrow(/crosses a paragraph boundary/);
  });

  it('returns the same bytes when no edit changes anything', async () => {
    const input = await draft();
    expect((await applyDocxEdits(input, [])).equals(input)).toBe(true);
  });
});

describe('fillDocx', () => {
  it('hands the text to the filler and applies its edits', async () => {
    const input = await draft();
    let seen = '';
    const output = await fillDocx(input, (text) => {
      seen = text;
      return { edits: scanPlaceholders(text).map((p, i) => ({ offset: p.offset, length: p.placeholder.length, text: String(i + 1) })) };
    });
    expect(seen).toBe(DRAFT_TEXT);
    expect((await readDocxText(output)).text).toBe('开展研讨1次\n  参加 & 列席 <2> 人  \n党员人数\n共3人\n表\t4份');
  });
});
