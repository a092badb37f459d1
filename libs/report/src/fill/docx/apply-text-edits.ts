/** Text edits applied to the XML of a WordprocessingML part, in one pass, keeping run formatting. */
import { mapDocumentText } from './document-text-map';
import { planEdits } from './edit-plan';
import { renderPlan } from './render-plan';
import { applySplices } from './splices';
import { orderedEdits, type TextEdit } from './text-edit';

/** The part's text under the rule documented in document-text-map. */
export function documentXmlText(xml: string): string {
  return mapDocumentText(xml).text;
}

/**
 * Applies `edits` (offsets into documentXmlText(xml)) and returns the new XML. Each replacement
 * lands in the first run it touches; characters it covers in later runs are removed, and a run
 * left with nothing but its properties goes too. Throws on overlapping edits, edits crossing a
 * paragraph boundary, and replacements containing tabs, line breaks or characters XML forbids.
 */
export function applyTextEdits(xml: string, edits: readonly TextEdit[]): string {
  const map = mapDocumentText(xml);
  const plan = planEdits(map, orderedEdits(edits, map.text.length));
  return applySplices(xml, renderPlan(xml, map, plan));
}
