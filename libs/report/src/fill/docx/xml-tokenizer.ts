/**
 * A minimal, position-keeping XML tokenizer for OOXML parts: enough to walk WordprocessingML and
 * splice edits into the original string. It does not build a tree and does not validate names;
 * nesting is checked by the caller that walks the tokens.
 */
import { decodeXmlText } from './xml-entities';

export type XmlToken =
  | { kind: 'text'; start: number; end: number }
  | { kind: 'open'; name: string; start: number; end: number; selfClosing: boolean }
  | { kind: 'close'; name: string; start: number; end: number }
  /** `<![CDATA[…]]>`: character data that is not entity-decoded. */
  | { kind: 'cdata'; start: number; end: number }
  /** Comments, processing instructions and the XML declaration: never content. */
  | { kind: 'markup'; start: number; end: number };

/** Splits `xml` into tokens covering it entirely, in order; `end` indexes are exclusive. */
export function tokenizeXml(xml: string): XmlToken[] {
  const tokens: XmlToken[] = [];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      tokens.push({ kind: 'text', start: i, end: xml.length });
      break;
    }
    if (lt > i) tokens.push({ kind: 'text', start: i, end: lt });
    if (xml.startsWith('<!--', lt)) {
      i = endOf(xml, lt, '-->');
      tokens.push({ kind: 'markup', start: lt, end: i });
    } else if (xml.startsWith('<![CDATA[', lt)) {
      i = endOf(xml, lt, ']]>');
      tokens.push({ kind: 'cdata', start: lt, end: i });
    } else if (xml.startsWith('<?', lt)) {
      i = endOf(xml, lt, '?>');
      tokens.push({ kind: 'markup', start: lt, end: i });
    } else if (xml.startsWith('<!', lt)) {
      // A DTD could declare entities we would not expand; Office never writes one.
      throw new Error(`Unsupported XML: document type declaration at ${lt}`);
    } else {
      i = tagEnd(xml, lt);
      tokens.push(tagToken(xml, lt, i));
    }
  }
  return tokens;
}

/** Attributes of a start tag (raw `<name a="1" …>`), values entity-decoded, by qualified name. */
export function parseAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const body = tag.replace(/^<[^\s/>]+/, '');
  for (const match of body.matchAll(/([^\s=/<>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes.set(match[1] ?? '', decodeXmlText(match[2] ?? match[3] ?? '').text);
  }
  return attributes;
}

function endOf(xml: string, from: number, terminator: string): number {
  const at = xml.indexOf(terminator, from);
  if (at < 0) throw new Error(`Malformed XML: "${terminator}" missing after ${from}`);
  return at + terminator.length;
}

// Attribute values may contain '>', so the tag ends at the first '>' outside quotes.
function tagEnd(xml: string, lt: number): number {
  let quote = '';
  for (let i = lt + 1; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '<') {
      break;
    } else if (ch === '>') {
      return i + 1;
    }
  }
  throw new Error(`Malformed XML: unterminated tag at ${lt}`);
}

function tagToken(xml: string, start: number, end: number): XmlToken {
  const closing = xml[start + 1] === '/';
  const name = /^[^\s/>]+/.exec(xml.slice(closing ? start + 2 : start + 1, end))?.[0];
  if (!name) throw new Error(`Malformed XML: tag without a name at ${start}`);
  if (closing) return { kind: 'close', name, start, end };
  return { kind: 'open', name, start, end, selfClosing: xml[end - 2] === '/' };
}
