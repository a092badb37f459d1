/**
 * Character data of WordprocessingML text, decoded with a map back to the raw XML, so that an edit
 * expressed on decoded text can be spliced into the original bytes without re-encoding its neighbours.
 */

/** Decoded text plus, for each UTF-16 unit, where it starts in the raw XML. */
export interface DecodedText {
  text: string;
  /**
   * `boundaries[k]` is the raw index where unit k starts; `boundaries[text.length]` is the raw end.
   * NOT_A_BOUNDARY marks a unit that cannot be cut before: the second half of a surrogate pair
   * (literal or from one `&#x1F600;` reference), since splitting there would corrupt the character.
   */
  boundaries: number[];
}

export const NOT_A_BOUNDARY = -1;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Decodes raw character data that starts at `rawBase` in the XML; line ends are normalised as XML does. */
export function decodeXmlText(raw: string, rawBase = 0): DecodedText {
  let text = '';
  const boundaries: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const at = rawBase + i;
    const ch = raw[i];
    if (ch === '&') {
      const semicolon = raw.indexOf(';', i + 1);
      if (semicolon < 0) throw new Error(`Malformed XML: unterminated entity reference at ${at}`);
      const decoded = decodeReference(raw.slice(i + 1, semicolon), at);
      text += decoded;
      boundaries.push(at);
      if (decoded.length === 2) boundaries.push(NOT_A_BOUNDARY);
      i = semicolon + 1;
    } else if (ch === '\r') {
      // An XML parser reports CR LF and a lone CR as one LF; so do we, keeping the raw span.
      text += '\n';
      boundaries.push(at);
      i += raw[i + 1] === '\n' ? 2 : 1;
    } else {
      text += ch;
      boundaries.push(isLowSurrogateAfterHigh(raw, i) ? NOT_A_BOUNDARY : at);
      i += 1;
    }
  }
  boundaries.push(rawBase + raw.length);
  return { text, boundaries };
}

/** Escapes text for use as element content (`&`, `<`, and `>` so `]]>` can never appear). */
export function encodeXmlText(text: string): string {
  return text.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}

/** Escapes text for use inside a double-quoted attribute value. */
export function encodeXmlAttribute(value: string): string {
  return encodeXmlText(value).replace(/"/g, '&quot;');
}

// XML 1.0 Char production, minus TAB/LF/CR which callers treat separately.
const ILLEGAL_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when every character may appear in an XML 1.0 document. */
export function isLegalXmlText(text: string): boolean {
  return !ILLEGAL_XML_CHAR.test(text);
}

function decodeReference(body: string, at: number): string {
  const named = NAMED_ENTITIES[body];
  if (named !== undefined) return named;
  const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
  if (!numeric) throw new Error(`Malformed XML: unknown entity &${body}; at ${at}`);
  const codePoint = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2] ?? '', 10);
  if (!(codePoint > 0 && codePoint <= 0x10ffff) || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
    throw new Error(`Malformed XML: invalid character reference &${body}; at ${at}`);
  }
  return String.fromCodePoint(codePoint);
}

function isLowSurrogateAfterHigh(raw: string, i: number): boolean {
  const code = raw.charCodeAt(i);
  const previous = i > 0 ? raw.charCodeAt(i - 1) : 0;
  return code >= 0xdc00 && code <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff;
}
