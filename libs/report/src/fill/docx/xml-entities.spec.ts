import { decodeXmlText, encodeXmlText, isLegalXmlText, NOT_A_BOUNDARY } from './xml-entities';

describe('decodeXmlText', () => {
  it('decodes the five named entities and numeric references, mapping each unit to its raw start', () => {
    const raw = 'a&amp;b&lt;&#20013;&#x6587;&gt;&quot;&apos;';
    expect(decodeXmlText(raw)).toEqual({
      text: 'a&b<中文>"\'',
      boundaries: [0, 1, 6, 7, 11, 19, 27, 31, 37, raw.length],
    });
  });

  it('offsets boundaries by the raw base', () => {
    expect(decodeXmlText('x&amp;', 100).boundaries).toEqual([100, 101, 106]);
  });

  it('marks the second half of a surrogate pair as no boundary, literal or referenced', () => {
    expect(decodeXmlText('&#x1F600;')).toEqual({ text: '😀', boundaries: [0, NOT_A_BOUNDARY, 9] });
    expect(decodeXmlText('😀a').boundaries).toEqual([0, NOT_A_BOUNDARY, 2, 3]);
  });

  it('reads CR LF and a lone CR as one LF, as an XML parser does', () => {
    expect(decodeXmlText('a\r\nb\rc')).toEqual({ text: 'a\nb\nc', boundaries: [0, 1, 3, 4, 5, 6] });
  });

  it('refuses unknown entities and bad references', () => {
    expect(() => decodeXmlText('&nbsp;')).toThrow(/unknown entity/);
    expect(() => decodeXmlText('&amp')).toThrow(/unterminated/);
    expect(() => decodeXmlText('&#xD800;')).toThrow(/invalid character reference/);
  });
});

describe('encodeXmlText', () => {
  it('escapes &, < and >', () => {
    expect(encodeXmlText('a & b < c > d "e"')).toBe('a &amp; b &lt; c &gt; d "e"');
  });
});

describe('isLegalXmlText', () => {
  it('accepts ordinary and astral text, refuses control characters and lone surrogates', () => {
    expect(isLegalXmlText('共12人😀')).toBe(true);
    expect(isLegalXmlText('a\u0001')).toBe(false);
    expect(isLegalXmlText('\uD800x')).toBe(false);
    expect(isLegalXmlText('x\uDC00')).toBe(false);
  });
});
