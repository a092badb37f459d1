/** Replacing spans of a string in one pass, leaving everything between them untouched. */

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping splices (indexes into the original `source`), in any order given. */
export function applySplices(source: string, splices: readonly Splice[]): string {
  const ordered = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const splice of ordered) {
    if (splice.start < cursor || splice.end < splice.start || splice.end > source.length) {
      throw new Error(`Overlapping or invalid splice [${splice.start}, ${splice.end}) after ${cursor}`);
    }
    out += source.slice(cursor, splice.start) + splice.text;
    cursor = splice.end;
  }
  return out + source.slice(cursor);
}
