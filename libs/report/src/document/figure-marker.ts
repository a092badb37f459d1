/**
 * Template helpers cannot hand structured values through Handlebars' string output, so a figure
 * travels as a marker made of two private-use characters around its index. No report text
 * contains these characters; the parser turns each marker back into a figure reference.
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = /\uE000(\d+)\uE001/g;
const WHOLE_MARKER = /^\uE000(\d+)\uE001$/;

export function figureMarker(index: number): string {
  return `${OPEN}${index}${CLOSE}`;
}

/** The figure index when the value is exactly one marker (what `{{cn (count …)}}` receives). */
export function figureIndexOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = WHOLE_MARKER.exec(value);
  return m ? Number(m[1]) : undefined;
}

/** Splits text into plain pieces and figure indexes, in order. */
export function splitMarkers(text: string): Array<string | number> {
  const parts: Array<string | number> = [];
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    const at = m.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(Number(m[1]));
    last = at + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

export function stripMarkers(text: string): string {
  return text.replace(MARKER, '');
}
