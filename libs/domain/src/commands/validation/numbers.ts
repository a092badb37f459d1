export type NumberInput = number | string | null | undefined;

export type ParsedNumber = { ok: true; value: number | null } | { ok: false; shown: string };

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/** Full-width digits, sign and point (１２．５) as typed with a Chinese input method. */
function toHalfWidth(text: string): string {
  return text.replace(/[０-９．＋－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** A number from a form field: null when empty, not ok when it is not a plain decimal. */
export function parseNumberInput(value: NumberInput): ParsedNumber {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, value } : { ok: false, shown: String(value) };
  const text = toHalfWidth(String(value).trim());
  if (text === '') return { ok: true, value: null };
  if (!DECIMAL.test(text)) return { ok: false, shown: String(value).trim() };
  return { ok: true, value: Number(text) };
}
