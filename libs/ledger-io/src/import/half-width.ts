/**
 * Full-width ASCII (１２．５, ／, －) as a Chinese input method types it, made half-width so one
 * pattern reads both. CJK punctuation (、，；。) is left alone: it means something of its own.
 */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => {
    if (c === '，' || c === '；' || c === '（' || c === '）' || c === '：') return c;
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  }).replace(/\u3000/g, ' ');
}
