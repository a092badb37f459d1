import { parseAttributes, tokenizeXml } from './xml-tokenizer';

describe('tokenizeXml', () => {
  it('covers the whole input with positioned tokens', () => {
    const xml = '<?xml version="1.0"?><a x="1>2"><!-- c --><b/>t&amp;<![CDATA[<z>]]></a>';
    const tokens = tokenizeXml(xml);
    expect(tokens.map((t) => [t.kind, xml.slice(t.start, t.end)])).toEqual([
      ['markup', '<?xml version="1.0"?>'],
      ['open', '<a x="1>2">'],
      ['markup', '<!-- c -->'],
      ['open', '<b/>'],
      ['text', 't&amp;'],
      ['cdata', '<![CDATA[<z>]]>'],
      ['close', '</a>'],
    ]);
    expect(tokens[1]).toMatchObject({ name: 'a', selfClosing: false });
    expect(tokens[3]).toMatchObject({ name: 'b', selfClosing: true });
  });

  it('refuses a DTD and unterminated markup', () => {
    expect(() => tokenizeXml('<!DOCTYPE x><x/>')).toThrow(/document type/);
    expect(() => tokenizeXml('<a')).toThrow(/unterminated tag/);
    expect(() => tokenizeXml('<!-- x')).toThrow(/missing/);
  });
});

describe('parseAttributes', () => {
  it('reads quoted values and decodes entities', () => {
    const attributes = parseAttributes(`<w:t xml:space='preserve' w:val="a&amp;b" />`);
    expect([...attributes]).toEqual([
      ['xml:space', 'preserve'],
      ['w:val', 'a&b'],
    ]);
  });
});
