/**
 * Writes an edit plan back as splices of the raw XML. Only touched `w:t` elements, removed tabs or
 * breaks, emptied runs and new runs in empty paragraphs are rewritten; every other byte stays.
 */
import type { AtomPiece, DocumentTextMap, RunChild, RunSpan, TextPiece } from './document-text-map';
import type { AtomOp, EditPlan, TextOp } from './edit-plan';
import type { Splice } from './splices';
import type { WordNames } from './wordml-names';
import { encodeXmlText, NOT_A_BOUNDARY } from './xml-entities';

/** A rewritten run child: its new raw XML and the text it now contributes. */
interface Rewrite {
  raw: string;
  text: string;
}

// Word drops leading/trailing XML white space from a w:t unless xml:space="preserve".
const EDGE_WHITESPACE = /^[ \t\r\n]|[ \t\r\n]$/;
const SPACE_ATTRIBUTE = /\s+xml:space\s*=\s*(?:"[^"]*"|'[^']*')/;

export function renderPlan(xml: string, map: DocumentTextMap, plan: EditPlan): Splice[] {
  const splices: Splice[] = [];
  for (const run of plan.touchedRuns) splices.push(...renderRun(xml, map.names, plan, run));
  for (const [paragraph, text] of plan.paragraphInserts) {
    const newRun = `<${map.names.r}>${textElement(map.names, text)}</${map.names.r}>`;
    if (paragraph.selfClosing) {
      const openTag = xml.slice(paragraph.start, paragraph.end).replace(/\s*\/>$/, '>');
      splices.push({ start: paragraph.start, end: paragraph.end, text: `${openTag}${newRun}</${map.names.p}>` });
    } else {
      splices.push({ start: paragraph.closeTagStart, end: paragraph.closeTagStart, text: newRun });
    }
  }
  return splices;
}

// A run left with no text and nothing but its properties is removed whole.
function renderRun(xml: string, names: WordNames, plan: EditPlan, run: RunSpan): Splice[] {
  const splices: Splice[] = [];
  let empty = true;
  for (const child of run.children) {
    const rewrite = rewriteChild(xml, names, plan, child);
    if (rewrite) splices.push({ start: child.start, end: child.end, text: rewrite.raw });
    if (child.name === names.rPr) continue;
    const text = rewrite ? rewrite.text : child.name === names.t ? child.piece?.text ?? '' : undefined;
    if (text !== '') empty = false;
  }
  return empty ? [{ start: run.start, end: run.end, text: '' }] : splices;
}

function rewriteChild(xml: string, names: WordNames, plan: EditPlan, child: RunChild): Rewrite | undefined {
  const piece = child.piece;
  if (!piece) return undefined;
  if (piece.kind === 'text') {
    const ops = plan.textOps.get(piece);
    return ops ? rewriteText(xml, piece, ops) : undefined;
  }
  const op = plan.atomOps.get(piece);
  return op ? rewriteAtom(xml, names, piece, op) : undefined;
}

function rewriteText(xml: string, piece: TextPiece, ops: readonly TextOp[]): Rewrite {
  const { boundaries, element } = piece;
  const rawAt = (unit: number): number => {
    const at = boundaries[unit] ?? NOT_A_BOUNDARY;
    if (at === NOT_A_BOUNDARY) {
      throw new Error(`An edit at offset ${piece.textOffset + unit} would split a character in two`);
    }
    return at;
  };
  let text = '';
  let content = '';
  let cursor = 0;
  for (const op of ops) {
    text += piece.text.slice(cursor, op.from) + op.text;
    content += xml.slice(rawAt(cursor), rawAt(op.from)) + encodeXmlText(op.text);
    cursor = op.to;
  }
  text += piece.text.slice(cursor);
  content += xml.slice(rawAt(cursor), rawAt(piece.text.length));
  if (text === '') return { raw: '', text };

  let startTag = xml.slice(element.start, piece.contentStart);
  // White space Word ignored before the edit stays ignored: it is dropped when preserve is added.
  let leading = xml.slice(piece.contentStart, rawAt(0));
  let trailing = xml.slice(rawAt(piece.text.length), piece.contentEnd);
  if (!piece.preserveSpace && EDGE_WHITESPACE.test(text)) {
    startTag = startTag.replace(SPACE_ATTRIBUTE, '').replace(/\s*>$/, ' xml:space="preserve">');
    leading = '';
    trailing = '';
  }
  return { raw: startTag + leading + content + trailing + xml.slice(piece.contentEnd, element.end), text };
}

function rewriteAtom(xml: string, names: WordNames, piece: AtomPiece, op: AtomOp): Rewrite {
  const middle = op.removed ? textElement(names, op.replacement) : xml.slice(piece.element.start, piece.element.end);
  return {
    raw: textElement(names, op.before) + middle + textElement(names, op.after),
    text: op.before + (op.removed ? op.replacement : piece.text) + op.after,
  };
}

function textElement(names: WordNames, text: string): string {
  if (text === '') return '';
  const space = EDGE_WHITESPACE.test(text) ? ' xml:space="preserve"' : '';
  return `<${names.t}${space}>${encodeXmlText(text)}</${names.t}>`;
}
