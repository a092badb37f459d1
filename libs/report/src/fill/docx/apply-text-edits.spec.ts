import { applyTextEdits, documentXmlText } from './apply-text-edits';
import type { TextEdit } from './text-edit';
import { bodyOf, documentXml } from './wordml-fixture.spec-helper';

/** Applies edits to a hand-written body and returns the new body. */
const edit = (body: string, edits: TextEdit[]) => bodyOf(applyTextEdits(documentXml(body), edits));
const textOf = (body: string) => documentXmlText(documentXml(body));
/** The edits of every `find` occurrence in the body's text, replaced by `by`. */
const replacing = (body: string, find: string, by: string): TextEdit[] =>
  [...textOf(body).matchAll(new RegExp(find, 'g'))].map((m) => ({ offset: m.index ?? 0, length: find.length, text: by }));

const SPLIT = '<w:p><w:r><w:t>开展研讨</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>X</w:t></w:r><w:r><w:t>X次</w:t></w:r></w:p>';

describe('applyTextEdits', () => {
  it('puts the replacement into the first run touched and trims the following runs', () => {
    expect(textOf(SPLIT)).toBe('开展研讨XX次');
    expect(edit(SPLIT, [{ offset: 4, length: 2, text: '12' }])).toBe(
      '<w:p><w:r><w:t>开展研讨</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>12</w:t></w:r><w:r><w:t>次</w:t></w:r></w:p>',
    );
  });

  it('removes a run left with only its properties, and keeps bookmarks and proofErr between runs', () => {
    const body =
      '<w:p><w:r><w:t>共</w:t></w:r><w:r><w:t>X</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="n"/>' +
      '<w:r><w:rPr><w:i/></w:rPr><w:t>X</w:t></w:r><w:bookmarkEnd w:id="0"/><w:r><w:t>人</w:t></w:r></w:p>';
    expect(edit(body, [{ offset: 1, length: 2, text: '30' }])).toBe(
      '<w:p><w:r><w:t>共</w:t></w:r><w:r><w:t>30</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="n"/>' +
        '<w:bookmarkEnd w:id="0"/><w:r><w:t>人</w:t></w:r></w:p>',
    );
  });

  it('keeps a run that holds anything besides text, dropping only its emptied w:t', () => {
    const body = '<w:p><w:r><w:t>X</w:t></w:r><w:r><w:t>X</w:t><w:footnoteReference w:id="1"/></w:r></w:p>';
    expect(edit(body, [{ offset: 0, length: 2, text: '5' }])).toBe(
      '<w:p><w:r><w:t>5</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>',
    );
  });

  it('maps offsets through entities and escapes inserted text, leaving other references as written', () => {
    const body = '<w:p><w:r><w:t>A &amp; B&#x58;&#88; &lt;C&gt;</w:t></w:r><w:r><w:t>&#20849;XX&#20154;</w:t></w:r></w:p>';
    expect(textOf(body)).toBe('A & BXX <C>共XX人');
    const result = edit(body, [
      { offset: 5, length: 2, text: '1&2' },
      { offset: 12, length: 2, text: '<3>' },
    ]);
    expect(result).toBe('<w:p><w:r><w:t>A &amp; B1&amp;2 &lt;C&gt;</w:t></w:r><w:r><w:t>&#20849;&lt;3&gt;&#20154;</w:t></w:r></w:p>');
    expect(documentXmlText(documentXml(result))).toBe('A & B1&2 <C>共<3>人');
  });

  it('applies several edits in one w:t and across paragraphs in one pass', () => {
    const body = '<w:p><w:r><w:t>学习XX次，研讨XX次</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>XX人</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
    const result = edit(body, replacing(body, 'XX', '8'));
    expect(result).toBe('<w:p><w:r><w:t>学习8次，研讨8次</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>8人</w:t></w:r></w:p></w:tc></w:tr></w:tbl>');
  });

  it('adds xml:space="preserve" when the text gains edge spaces, dropping white space Word ignored', () => {
    const body = '<w:p><w:r><w:t>  XX </w:t></w:r></w:p>';
    expect(textOf(body)).toBe('XX');
    expect(edit(body, [{ offset: 0, length: 2, text: '12' }])).toBe('<w:p><w:r><w:t>  12 </w:t></w:r></w:p>');
    expect(edit(body, [{ offset: 0, length: 2, text: ' 12' }])).toBe('<w:p><w:r><w:t xml:space="preserve"> 12</w:t></w:r></w:p>');
    expect(edit('<w:p><w:r><w:t xml:space="default">a</w:t></w:r></w:p>', [{ offset: 1, length: 0, text: ' ' }])).toBe(
      '<w:p><w:r><w:t xml:space="preserve">a </w:t></w:r></w:p>',
    );
  });

  it('keeps the preserved spaces around a replaced blank', () => {
    const body = '<w:p><w:r><w:t xml:space="preserve"> 共 X 人 </w:t></w:r></w:p>';
    expect(edit(body, [{ offset: 3, length: 1, text: '40' }])).toBe('<w:p><w:r><w:t xml:space="preserve"> 共 40 人 </w:t></w:r></w:p>');
  });

  it('replaces a tab or break by text in its own run, and removes one covered later', () => {
    const body = '<w:p><w:r><w:rPr><w:u/></w:rPr><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r><w:r><w:br/><w:t>c</w:t></w:r></w:p>';
    expect(textOf(body)).toBe('a\tb\vc');
    expect(edit(body, [{ offset: 1, length: 1, text: '-' }])).toBe(
      '<w:p><w:r><w:rPr><w:u/></w:rPr><w:t>a</w:t><w:t>-</w:t><w:t>b</w:t></w:r><w:r><w:br/><w:t>c</w:t></w:r></w:p>',
    );
    expect(edit(body, [{ offset: 2, length: 3, text: 'Z' }])).toBe(
      '<w:p><w:r><w:rPr><w:u/></w:rPr><w:t>a</w:t><w:tab/><w:t>Z</w:t></w:r></w:p>',
    );
  });

  it('inserts after the preceding character, before the next one at a paragraph start, or in a new run', () => {
    const body = '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>a</w:t></w:r><w:r><w:t>b</w:t></w:r></w:p><w:p><w:pPr/></w:p><w:p/>';
    expect(edit(body, [
      { offset: 0, length: 0, text: '<' },
      { offset: 1, length: 0, text: '1' },
      { offset: 2, length: 0, text: '>' },
      { offset: 3, length: 0, text: '空' },
      { offset: 4, length: 0, text: ' 末' },
    ])).toBe(
      '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>&lt;a1</w:t></w:r><w:r><w:t>b&gt;</w:t></w:r></w:p>' +
        '<w:p><w:pPr/><w:r><w:t>空</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve"> 末</w:t></w:r></w:p>',
    );
  });

  it('puts an insertion before a replacement at the same offset, ties in input order', () => {
    const body = '<w:p><w:r><w:t>XX</w:t></w:r></w:p>';
    const result = edit(body, [
      { offset: 0, length: 2, text: '9' },
      { offset: 0, length: 0, text: '约' },
      { offset: 0, length: 0, text: '共' },
    ]);
    expect(result).toBe('<w:p><w:r><w:t>约共9</w:t></w:r></w:p>');
  });

  it('deletes across runs, removing the runs it empties', () => {
    const body = '<w:p><w:r><w:t>a</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>XX</w:t></w:r><w:r><w:t>b</w:t></w:r></w:p>';
    expect(edit(body, [{ offset: 1, length: 2, text: '' }])).toBe('<w:p><w:r><w:t>a</w:t></w:r><w:r><w:t>b</w:t></w:r></w:p>');
  });

  it('works in text-box paragraphs, leaving the fallback copy alone', () => {
    const box = (text: string) => `<w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent>`;
    const body =
      `<w:p><w:r><w:t>锚</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>${box('XX人')}</w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict>${box('XX人')}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    expect(textOf(body)).toBe('锚\nXX人');
    expect(edit(body, [{ offset: 2, length: 2, text: '6' }])).toBe(body.replace('XX人', '6人'));
  });

  it('leaves the XML unchanged without edits', () => {
    const xml = documentXml(SPLIT);
    expect(applyTextEdits(xml, [])).toBe(xml);
  });

  it('refuses an edit spanning two paragraphs', () => {
    const body = '<w:p><w:r><w:t>ab</w:t></w:r></w:p><w:p><w:r><w:t>cd</w:t></w:r></w:p>';
    expect(() => edit(body, [{ offset: 1, length: 3, text: 'x' }])).toThrow(/crosses a paragraph boundary/);
    expect(() => edit(body, [{ offset: 2, length: 1, text: '' }])).toThrow(/crosses a paragraph boundary/);
    expect(edit(body, [{ offset: 2, length: 0, text: '!' }])).toBe(body.replace('ab', 'ab!'));
  });

  it('refuses overlapping, out-of-range and unwritable edits', () => {
    expect(() => edit(SPLIT, [{ offset: 4, length: 2, text: '1' }, { offset: 5, length: 1, text: '2' }])).toThrow(/overlaps/);
    expect(() => edit(SPLIT, [{ offset: 6, length: 5, text: '' }])).toThrow(/beyond the document text/);
    expect(() => edit(SPLIT, [{ offset: -1, length: 1, text: '' }])).toThrow(/non-negative integers/);
    expect(() => edit(SPLIT, [{ offset: 4, length: 1, text: 'a\tb' }])).toThrow(/tab or line break/);
    expect(() => edit(SPLIT, [{ offset: 4, length: 1, text: 'a\nb' }])).toThrow(/tab or line break/);
    expect(() => edit(SPLIT, [{ offset: 4, length: 1, text: '\u0007' }])).toThrow(/not allowed in XML/);
  });

  it('refuses to cut a character referenced as a surrogate pair', () => {
    const body = '<w:p><w:r><w:t>&#x1F600;</w:t></w:r></w:p>';
    expect(() => edit(body, [{ offset: 1, length: 1, text: '' }])).toThrow(/split a character/);
    expect(edit(body, [{ offset: 0, length: 2, text: 'ok' }])).toBe('<w:p><w:r><w:t>ok</w:t></w:r></w:p>');
  });

  it('keeps the bytes outside the edited element identical', () => {
    const xml = documentXml(SPLIT);
    const result = applyTextEdits(xml, [{ offset: 4, length: 2, text: '12' }]);
    const editedFrom = xml.indexOf('<w:t>X</w:t>');
    expect(result.slice(0, editedFrom)).toBe(xml.slice(0, editedFrom));
    const tail = xml.slice(xml.indexOf('次</w:t>'));
    expect(result.endsWith(tail)).toBe(true);
  });

  it('reads back the edited text wherever the runs are split', () => {
    const source = '研讨XX次，共 X&X 人';
    const escape = (t: string) => t.replace(/&/g, '&amp;');
    const edits = [...source.matchAll(/X+/g)].map((m, i) => ({ offset: m.index ?? 0, length: m[0].length, text: `${i + 10}` }));
    for (let i = 0; i <= source.length; i++) {
      for (let j = i; j <= source.length; j++) {
        const run = (text: string, props = '') => (text ? `<w:r>${props}<w:t xml:space="preserve">${escape(text)}</w:t></w:r>` : '');
        const body = `<w:p>${run(source.slice(0, i))}${run(source.slice(i, j), '<w:rPr><w:b/></w:rPr>')}${run(source.slice(j))}</w:p>`;
        const result = applyTextEdits(documentXml(body), edits);
        expect([i, j, documentXmlText(result)]).toEqual([i, j, '研讨10次，共 11&12 人']);
        // The bold run survives unless all its characters were inside blanks.
        const boldText = source.slice(i, j).replace(/X/g, '');
        if (boldText !== '') expect(result).toContain('<w:rPr><w:b/></w:rPr>');
      }
    }
  });
});
