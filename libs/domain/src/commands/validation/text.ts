/** Raw text as it comes from a CLI flag, a web form or an import cell. */
export type TextInput = string | null | undefined;

/** Trimmed text, or null when nothing was typed. */
export function cleanText(value: TextInput): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = String(value).trim();
  return trimmed === '' ? null : trimmed;
}

/** A list as typed: an array of entries, or one string; entries may themselves hold several items. */
export type ListInput = readonly string[] | string | null | undefined;

// Users separate ids with commas (half- or full-width), 、, semicolons or spaces; ids and kind names never contain these.
const LIST_SEPARATORS = /[,，、;；\s]+/;

/** Every non-empty item of a list, trimmed, in the order typed. */
export function splitList(value: ListInput): string[] {
  if (value === null || value === undefined) return [];
  const entries = typeof value === 'string' ? [value] : value;
  const items: string[] = [];
  for (const entry of entries) {
    if (entry === null || entry === undefined) continue;
    for (const part of String(entry).split(LIST_SEPARATORS)) if (part !== '') items.push(part);
  }
  return items;
}
