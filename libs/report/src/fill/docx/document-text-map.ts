/**
 * The text of a WordprocessingML part and where each of its characters lives in the raw XML.
 * Reading and editing both go through this map, so offsets mean the same thing to both.
 *
 * The text rule:
 * - one paragraph per `w:p`, ordered by its start tag (so a text-box paragraph follows the paragraph
 *   that anchors it, including that paragraph's text after the anchor); paragraphs are joined with
 *   '\n', and '\n' never occurs inside a paragraph;
 * - inside a run (`w:r`): `w:t` content; `w:tab`/`w:ptab` → '\t'; `w:br type="page"` → '\f', other
 *   `w:br` and `w:cr` → '\v' (Word's own Range.Text convention for manual breaks);
 *   `w:noBreakHyphen` → U+2011, `w:softHyphen` → U+00AD. Nothing else counts: not `w:delText`,
 *   `w:instrText`, drawings, field characters, nor `w:tab` outside a run (tab stops);
 * - a `w:t` without xml:space="preserve" reads without its leading/trailing white space, as Word shows
 *   it; a line end inside `w:t` reads as a space;
 * - skipped whole: tracked deletions and moves (`w:del`, `w:moveFrom`) and `mc:Fallback`, which repeats
 *   the `mc:Choice` content (text boxes) for old readers and would otherwise read twice.
 */
import { decodeXmlText } from './xml-entities';
import { parseAttributes, tokenizeXml, type XmlToken } from './xml-tokenizer';
import { wordNamesOf, type WordNames } from './wordml-names';

/** A direct child element of a run, e.g. `w:rPr`, `w:t`, `w:tab`, `w:drawing`. */
export interface RunChild {
  name: string;
  start: number;
  end: number;
  /** The text this child contributes, if any. */
  piece?: Piece;
}

export interface RunSpan {
  start: number;
  end: number;
  children: RunChild[];
}

/** Characters from one `w:t`. */
export interface TextPiece {
  kind: 'text';
  run: RunSpan;
  element: RunChild;
  /** Raw index just after the start tag. */
  contentStart: number;
  /** Raw index of the end tag. */
  contentEnd: number;
  preserveSpace: boolean;
  text: string;
  /** Raw index of each unit of `text`, plus its end (see DecodedText.boundaries). */
  boundaries: number[];
  /** Offset of `text` in the document text. */
  textOffset: number;
}

/** One character standing for an element: a tab, a break, a special hyphen. */
export interface AtomPiece {
  kind: 'atom';
  run: RunSpan;
  element: RunChild;
  text: string;
  textOffset: number;
}

export type Piece = TextPiece | AtomPiece;

export interface ParagraphSpan {
  start: number;
  end: number;
  selfClosing: boolean;
  /** Raw index of the end tag `</w:p>` (of the start for a self-closing paragraph). */
  closeTagStart: number;
  /** Offset of the paragraph in the document text. */
  textStart: number;
  text: string;
  pieces: Piece[];
}

export interface DocumentTextMap {
  names: WordNames;
  /** Paragraph texts joined with '\n'. */
  text: string;
  paragraphs: ParagraphSpan[];
}

/** An open element; `paragraph` is the innermost enclosing `w:p`, if any. */
type Frame =
  | { kind: 'paragraph'; name: string; paragraph: ParagraphSpan }
  | { kind: 'run'; name: string; paragraph: ParagraphSpan; run: RunSpan }
  | { kind: 'text'; name: string; paragraph: ParagraphSpan; run: RunSpan; element: RunChild; preserve: boolean; contentStart: number }
  | { kind: 'skip'; name: string }
  | { kind: 'other'; name: string; paragraph?: ParagraphSpan; element?: RunChild };

// XML white space; line ends were already read as spaces.
const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';

export function mapDocumentText(xml: string): DocumentTextMap {
  const tokens = tokenizeXml(xml);
  const root = tokens.find((token) => token.kind === 'open');
  if (!root) throw new Error('Malformed XML: no root element');
  const names = wordNamesOf(xml.slice(root.start, root.end));
  const paragraphs = walk(xml, tokens, names);
  let offset = 0;
  for (const paragraph of paragraphs) {
    paragraph.textStart = offset;
    for (const piece of paragraph.pieces) {
      piece.textOffset = offset;
      offset += piece.text.length;
    }
    paragraph.text = paragraph.pieces.map((piece) => piece.text).join('');
    offset += 1; // the '\n' between paragraphs
  }
  return { names, text: paragraphs.map((p) => p.text).join('\n'), paragraphs };
}

function walk(xml: string, tokens: readonly XmlToken[], names: WordNames): ParagraphSpan[] {
  const paragraphs: ParagraphSpan[] = [];
  const stack: Frame[] = [];
  let skipping = 0;

  for (const token of tokens) {
    const top = stack[stack.length - 1];
    if (top?.kind === 'text' && token.kind !== 'text' && token.kind !== 'close') {
      throw new Error(`Unsupported XML: ${token.kind === 'cdata' ? 'CDATA' : 'markup'} inside ${top.name} at ${token.start}`);
    }
    if (token.kind === 'close') {
      const frame = stack.pop();
      if (!frame || frame.name !== token.name) {
        throw new Error(`Malformed XML: </${token.name}> at ${token.start} does not close ${frame ? `<${frame.name}>` : 'anything'}`);
      }
      if (frame.kind === 'skip') skipping -= 1;
      else closeFrame(xml, frame, token);
      continue;
    }
    if (token.kind !== 'open') continue;

    const tag = xml.slice(token.start, token.end);
    if (skipping > 0 || isSkipped(token.name, names)) {
      if (!token.selfClosing) {
        stack.push({ kind: 'skip', name: token.name });
        skipping += 1;
      }
      continue;
    }
    const frame = openFrame(token, tag, top, names, paragraphs);
    if (!token.selfClosing) stack.push(frame);
  }
  if (stack.length > 0) throw new Error(`Malformed XML: <${stack[stack.length - 1]?.name}> is never closed`);
  return paragraphs;
}

function isSkipped(name: string, names: WordNames): boolean {
  return name === names.fallback || name === names.del || name === names.moveFrom;
}

function openFrame(
  token: Extract<XmlToken, { kind: 'open' }>,
  tag: string,
  parent: Frame | undefined,
  names: WordNames,
  paragraphs: ParagraphSpan[],
): Frame {
  const { name, start, end, selfClosing } = token;
  if (name === names.p) {
    const paragraph: ParagraphSpan = {
      start,
      end,
      selfClosing,
      closeTagStart: start,
      textStart: 0,
      text: '',
      pieces: [],
    };
    paragraphs.push(paragraph);
    return { kind: 'paragraph', name, paragraph };
  }
  const paragraph = parent && parent.kind !== 'skip' ? parent.paragraph : undefined;
  if (name === names.r && paragraph) {
    return { kind: 'run', name, paragraph, run: { start, end, children: [] } };
  }
  if (parent?.kind !== 'run') return { kind: 'other', name, paragraph };

  const element: RunChild = { name, start, end };
  parent.run.children.push(element);
  if (name === names.t && !selfClosing) {
    const preserve = parseAttributes(tag).get('xml:space') === 'preserve';
    return { kind: 'text', name, run: parent.run, paragraph: parent.paragraph, element, preserve, contentStart: end };
  }
  const atom = atomText(name, tag, names);
  if (atom !== undefined) {
    const piece: AtomPiece = { kind: 'atom', run: parent.run, element, text: atom, textOffset: 0 };
    element.piece = piece;
    parent.paragraph.pieces.push(piece);
  }
  return { kind: 'other', name, paragraph: parent.paragraph, element };
}

function atomText(name: string, tag: string, names: WordNames): string | undefined {
  if (name === names.tab || name === names.ptab) return '\t';
  if (name === names.br) return parseAttributes(tag).get(names.type) === 'page' ? '\f' : '\v';
  if (name === names.cr) return '\v';
  if (name === names.noBreakHyphen) return '\u2011';
  if (name === names.softHyphen) return '\u00ad';
  return undefined;
}

function closeFrame(xml: string, frame: Frame, token: Extract<XmlToken, { kind: 'close' }>): void {
  switch (frame.kind) {
    case 'paragraph':
      frame.paragraph.end = token.end;
      frame.paragraph.closeTagStart = token.start;
      return;
    case 'run':
      frame.run.end = token.end;
      return;
    case 'text': {
      frame.element.end = token.end;
      const piece = textPiece(xml, frame, token.start);
      if (piece) {
        frame.element.piece = piece;
        frame.paragraph.pieces.push(piece);
      }
      return;
    }
    case 'other':
      if (frame.element) frame.element.end = token.end;
      return;
    case 'skip':
      return;
  }
}

function textPiece(xml: string, frame: Extract<Frame, { kind: 'text' }>, contentEnd: number): TextPiece | undefined {
  const decoded = decodeXmlText(xml.slice(frame.contentStart, contentEnd), frame.contentStart);
  let text = decoded.text.replace(/[\r\n]/g, ' ');
  let boundaries = decoded.boundaries;
  if (!frame.preserve) {
    let from = 0;
    let to = text.length;
    while (from < to && isBlank(text[from])) from++;
    while (to > from && isBlank(text[to - 1])) to--;
    text = text.slice(from, to);
    boundaries = boundaries.slice(from, to + 1);
  }
  if (text === '') return undefined;
  return {
    kind: 'text',
    run: frame.run,
    element: frame.element,
    contentStart: frame.contentStart,
    contentEnd,
    preserveSpace: frame.preserve,
    text,
    boundaries,
    textOffset: 0,
  };
}
