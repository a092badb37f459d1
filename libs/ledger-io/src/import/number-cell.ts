import { toHalfWidth } from './half-width';
import type { CellValue } from './sheet-table';

export type NumberCellResult = { ok: true; value: number | null } | { ok: false; shown: string };

// A count or an amount as typed in a sheet: 12, 12人, 12 名, 2小时, 1.5学时, 2h.
const NUMBER_WITH_UNIT = /^([+-]?\d+(?:\.\d+)?)\s*(人|名|位|个|次|小时|学时|课时|时|h|H|个小时)?$/u;

/** A number cell: null when empty; a trailing unit word (人, 学时…) is allowed and dropped. */
export function parseNumberCell(value: CellValue): NumberCellResult {
  if (value === null) return { ok: true, value: null };
  if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, value } : { ok: false, shown: String(value) };
  if (typeof value !== 'string') return { ok: false, shown: value instanceof Date ? value.toISOString().slice(0, 10) : String(value) };
  const text = toHalfWidth(value).trim();
  if (text === '') return { ok: true, value: null };
  const m = NUMBER_WITH_UNIT.exec(text);
  return m ? { ok: true, value: Number(m[1]) } : { ok: false, shown: value.trim() };
}

/** Whether a cell holds only a number (so a 参会人员 or 请假 cell gives a count, not names). */
export function isCountCell(value: CellValue): boolean {
  if (typeof value === 'number') return true;
  if (typeof value !== 'string') return false;
  const parsed = parseNumberCell(value);
  return parsed.ok && parsed.value !== null;
}
