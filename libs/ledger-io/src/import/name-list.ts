import { toHalfWidth } from './half-width';

// Names are separated by 、 or commas or semicolons or line breaks; spaces are a separator only
// when they do not sit inside one name (Chinese tables pad two-character names: “王  芳”).
const NAME_SEPARATORS = /[、,，;；/／\r\n]+/u;

/**
 * The names in a 参会人员 / 请假 / 缺席 cell, in order. A part with spaces stays whole (the
 * roster lookup tries it with the spaces removed, then as separate names).
 */
export function splitNameCell(text: string): string[] {
  return toHalfWidth(text)
    .split(NAME_SEPARATORS)
    .map((part) => part.trim().replace(/\s+/gu, ' '))
    .filter((part) => part !== '');
}

/** `张三（m001）` / `张三(m001)`: a name with the member id that tells namesakes apart. */
export function nameWithId(text: string): { name: string; id: string } | undefined {
  const m = /^(.+?)\s*[（(]\s*([A-Za-z0-9_-]+)\s*[）)]$/u.exec(text);
  return m ? { name: m[1].trim(), id: m[2] } : undefined;
}
