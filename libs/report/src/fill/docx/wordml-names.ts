/**
 * Qualified names of the WordprocessingML elements we read, under the prefixes the part actually
 * declares on its root (almost always `w:` and `mc:`, but the prefix is the author's choice).
 */
import { parseAttributes } from './xml-tokenizer';

const WORDML_NAMESPACES = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];
const MARKUP_COMPATIBILITY_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

export interface WordNames {
  p: string;
  r: string;
  rPr: string;
  t: string;
  tab: string;
  ptab: string;
  br: string;
  cr: string;
  noBreakHyphen: string;
  softHyphen: string;
  del: string;
  moveFrom: string;
  /** The `w:type` attribute (of `w:br`). */
  type: string;
  fallback: string;
}

/** Resolves the names from the root element's start tag. */
export function wordNamesOf(rootTag: string): WordNames {
  const declared = parseAttributes(rootTag);
  const w = prefixOf(declared, WORDML_NAMESPACES) ?? 'w';
  const mc = prefixOf(declared, [MARKUP_COMPATIBILITY_NAMESPACE]) ?? 'mc';
  const q = (prefix: string, local: string) => (prefix ? `${prefix}:${local}` : local);
  return {
    p: q(w, 'p'),
    r: q(w, 'r'),
    rPr: q(w, 'rPr'),
    t: q(w, 't'),
    tab: q(w, 'tab'),
    ptab: q(w, 'ptab'),
    br: q(w, 'br'),
    cr: q(w, 'cr'),
    noBreakHyphen: q(w, 'noBreakHyphen'),
    softHyphen: q(w, 'softHyphen'),
    del: q(w, 'del'),
    moveFrom: q(w, 'moveFrom'),
    type: q(w, 'type'),
    fallback: q(mc, 'Fallback'),
  };
}

/** The prefix bound to one of `namespaces` ('' for the default namespace), or undefined. */
function prefixOf(declared: Map<string, string>, namespaces: readonly string[]): string | undefined {
  for (const [name, value] of declared) {
    if (!namespaces.includes(value)) continue;
    if (name === 'xmlns') return '';
    if (name.startsWith('xmlns:')) return name.slice('xmlns:'.length);
  }
  return undefined;
}
