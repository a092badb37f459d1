import { mapDocumentText } from './document-text-map';
import { documentXml } from './wordml-fixture.spec-helper';

const textOf = (body: string) => mapDocumentText(documentXml(body)).text;

describe('mapDocumentText', () => {
  it('joins paragraphs with \\n and runs without separators', () => {
    expect(textOf('<w:p><w:r><w:t>开展研讨</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>X</w:t></w:r><w:r><w:t>X次</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>完</w:t></w:r></w:p>'))
      .toBe('开展研讨XX次\n\n完');
  });

  it('decodes entities in w:t', () => {
    expect(textOf('<w:p><w:r><w:t>A &amp; B &lt;C&gt; &#x4E2D;&#22269;</w:t></w:r></w:p>')).toBe('A & B <C> 中国');
  });

  it('reads tabs, breaks and special hyphens inside runs only (tab stops in pPr are not text)', () => {
    const body =
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' +
      '<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:br w:type="page"/><w:cr/><w:noBreakHyphen/><w:softHyphen/></w:r></w:p>';
    expect(textOf(body)).toBe('a\tb\vc\f\v\u2011\u00ad');
  });

  it('leaves out deleted text, moved-away text, field codes and the mc:Fallback copy', () => {
    const body =
      '<w:p><w:r><w:t>保留</w:t></w:r>' +
      '<w:del w:id="1" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>' +
      '<w:moveFrom w:id="2" w:author="a"><w:r><w:t>移走</w:t></w:r></w:moveFrom>' +
      '<w:ins w:id="3" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>框内XX</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>' +
      '<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框内XX</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>' +
      '<w:r><w:t>尾</w:t></w:r></w:p>';
    // The text-box paragraph follows its anchoring paragraph, which reads in full first.
    expect(textOf(body)).toBe('保留插入3尾\n框内XX');
  });

  it('includes table cells and hyperlinks in document order', () => {
    const body =
      '<w:p><w:r><w:t>前</w:t></w:r></w:p>' +
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>共XX人</w:t></w:r></w:p></w:tc><w:tc><w:p><w:hyperlink r:id="x"><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p></w:tc></w:tr></w:tbl>' +
      '<w:p><w:r><w:t>后</w:t></w:r></w:p>';
    expect(textOf(body)).toBe('前\n共XX人\n链接\n后');
  });

  it('drops edge white space of a w:t without xml:space="preserve", keeps it with', () => {
    expect(textOf('<w:p><w:r><w:t>  a b  </w:t><w:t xml:space="preserve">  c  </w:t><w:t>   </w:t></w:r></w:p>')).toBe('a b  c  ');
  });

  it('reads a line end inside w:t as a space, keeping one unit per raw line end', () => {
    const map = mapDocumentText(documentXml('<w:p><w:r><w:t xml:space="preserve">a\r\nb</w:t></w:r></w:p>'));
    expect(map.text).toBe('a b');
    expect(map.paragraphs[0]?.pieces[0]).toMatchObject({ kind: 'text', text: 'a b' });
  });

  it('maps pieces to their text offsets', () => {
    const map = mapDocumentText(documentXml('<w:p><w:r><w:t>ab</w:t></w:r></w:p><w:p><w:r><w:t>c</w:t><w:tab/><w:t>d</w:t></w:r></w:p>'));
    expect(map.paragraphs.map((p) => [p.textStart, p.text])).toEqual([[0, 'ab'], [3, 'c\td']]);
    expect(map.paragraphs[1]?.pieces.map((p) => [p.kind, p.textOffset, p.text])).toEqual([
      ['text', 3, 'c'],
      ['atom', 4, '\t'],
      ['text', 5, 'd'],
    ]);
  });

  it('follows the prefix the document declares', () => {
    expect(mapDocumentText(documentXml('<p><r><t>默认命名空间</t></r></p>', '')).text).toBe('默认命名空间');
    expect(mapDocumentText(documentXml('<x:p><x:r><x:t>别名</x:t></x:r></x:p>', 'x')).text).toBe('别名');
  });

  it('refuses broken nesting and markup inside w:t', () => {
    expect(() => textOf('<w:p><w:r><w:t>a</w:r></w:t></w:p>')).toThrow(/Malformed XML/);
    expect(() => textOf('<w:p><w:r><w:t>a<![CDATA[b]]></w:t></w:r></w:p>')).toThrow(/CDATA inside w:t/);
    expect(() => mapDocumentText('<w:document xmlns:w="x"><w:body>')).toThrow(/never closed/);
  });
});
