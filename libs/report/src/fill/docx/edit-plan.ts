/**
 * Turns text edits into operations on the pieces of a document text map: which `w:t` loses which
 * characters, which tab or break disappears, where inserted text goes. No XML is written here.
 */
import type { AtomPiece, DocumentTextMap, ParagraphSpan, Piece, RunSpan, TextPiece } from './document-text-map';
import { describe, type TextEdit } from './text-edit';

/** Replace units [from, to) of a `w:t` piece's text with `text`. */
export interface TextOp {
  from: number;
  to: number;
  text: string;
}

/** What happens at a tab/break element: removed (and replaced by text), and text put around it. */
export interface AtomOp {
  removed: boolean;
  replacement: string;
  before: string;
  after: string;
}

export interface EditPlan {
  textOps: Map<TextPiece, TextOp[]>;
  atomOps: Map<AtomPiece, AtomOp>;
  /** Text for paragraphs that have no text at all yet. */
  paragraphInserts: Map<ParagraphSpan, string>;
  touchedRuns: Set<RunSpan>;
}

/** Plans `edits`, already checked and ordered by orderedEdits. */
export function planEdits(map: DocumentTextMap, edits: readonly TextEdit[]): EditPlan {
  const plan: EditPlan = { textOps: new Map(), atomOps: new Map(), paragraphInserts: new Map(), touchedRuns: new Set() };
  for (const edit of edits) {
    const paragraph = paragraphOf(map, edit);
    if (edit.length > 0) planReplacement(plan, paragraph, edit);
    else if (edit.text !== '') planInsertion(plan, paragraph, edit);
  }
  return plan;
}

function paragraphOf(map: DocumentTextMap, edit: TextEdit): ParagraphSpan {
  // The last paragraph starting at or before the offset (paragraphs are in text order).
  let low = 0;
  let high = map.paragraphs.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((map.paragraphs[middle] as ParagraphSpan).textStart <= edit.offset) low = middle;
    else high = middle - 1;
  }
  const paragraph = map.paragraphs[low];
  if (!paragraph) throw new Error(`${describe(edit)}: the document has no paragraphs`);
  if (edit.offset + edit.length > paragraph.textStart + paragraph.text.length) {
    throw new Error(`${describe(edit)} crosses a paragraph boundary; an edit must stay inside one paragraph`);
  }
  return paragraph;
}

// The replacement goes into the first piece touched, keeping that run's formatting; the other
// touched pieces only lose their covered characters.
function planReplacement(plan: EditPlan, paragraph: ParagraphSpan, edit: TextEdit): void {
  const start = edit.offset;
  const end = edit.offset + edit.length;
  let first = true;
  for (const piece of paragraph.pieces) {
    const pieceEnd = piece.textOffset + piece.text.length;
    if (pieceEnd <= start || piece.textOffset >= end) continue;
    const text = first ? edit.text : '';
    first = false;
    if (piece.kind === 'text') {
      addTextOp(plan, piece, Math.max(start, piece.textOffset) - piece.textOffset, Math.min(end, pieceEnd) - piece.textOffset, text);
    } else {
      const op = atomOp(plan, piece);
      op.removed = true;
      op.replacement = text;
    }
  }
}

// Inserted text takes the formatting of the character before it, or else of the one after it.
function planInsertion(plan: EditPlan, paragraph: ParagraphSpan, edit: TextEdit): void {
  const at = edit.offset;
  const previous = at > paragraph.textStart ? pieceAt(paragraph, at - 1) : undefined;
  if (previous) {
    if (previous.kind === 'text') addTextOp(plan, previous, at - previous.textOffset, at - previous.textOffset, edit.text);
    else atomOp(plan, previous).after += edit.text;
    return;
  }
  const next = pieceAt(paragraph, at);
  if (next) {
    if (next.kind === 'text') addTextOp(plan, next, at - next.textOffset, at - next.textOffset, edit.text);
    else atomOp(plan, next).before += edit.text;
    return;
  }
  plan.paragraphInserts.set(paragraph, (plan.paragraphInserts.get(paragraph) ?? '') + edit.text);
}

function pieceAt(paragraph: ParagraphSpan, offset: number): Piece | undefined {
  return paragraph.pieces.find((piece) => piece.textOffset <= offset && offset < piece.textOffset + piece.text.length);
}

function addTextOp(plan: EditPlan, piece: TextPiece, from: number, to: number, text: string): void {
  const ops = plan.textOps.get(piece) ?? [];
  ops.push({ from, to, text });
  plan.textOps.set(piece, ops);
  plan.touchedRuns.add(piece.run);
}

function atomOp(plan: EditPlan, piece: AtomPiece): AtomOp {
  let op = plan.atomOps.get(piece);
  if (!op) {
    op = { removed: false, replacement: '', before: '', after: '' };
    plan.atomOps.set(piece, op);
    plan.touchedRuns.add(piece.run);
  }
  return op;
}
