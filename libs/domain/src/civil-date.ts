/**
 * Civil dates (`YYYY-MM-DD`, China time). Activities happen on a calendar day, never at a UTC
 * instant, so dates stay strings and are compared lexically. No clock here: "today" comes in.
 */
export type CivilDate = string;

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidCivilDate(value: string): boolean {
  const m = CIVIL_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1921 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The civil date in China (UTC+8, no daylight saving) of an instant. */
export function chinaDateOf(instant: Date | string): CivilDate {
  const ms = (typeof instant === 'string' ? Date.parse(instant) : instant.getTime()) + 8 * 3600_000;
  return new Date(ms).toISOString().slice(0, 10);
}

export function yearOf(date: CivilDate): number {
  return Number(date.slice(0, 4));
}

export function monthOf(date: CivilDate): number {
  return Number(date.slice(5, 7));
}

export function quarterOf(date: CivilDate): number {
  return Math.floor((monthOf(date) - 1) / 3) + 1;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A period id: `2021`, `2021-Q1` or `2021-03`. */
export type PeriodId = string;

export interface PeriodRange {
  id: PeriodId;
  from: CivilDate;
  /** Inclusive last day. */
  to: CivilDate;
}

export function parsePeriod(id: PeriodId): PeriodRange | undefined {
  let m = /^(\d{4})$/.exec(id);
  if (m) return { id, from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  m = /^(\d{4})-Q([1-4])$/.exec(id);
  if (m) {
    const q = Number(m[2]);
    const first = (q - 1) * 3 + 1;
    const last = first + 2;
    return { id, from: `${m[1]}-${pad2(first)}-01`, to: `${m[1]}-${pad2(last)}-${daysInMonth(Number(m[1]), last)}` };
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(id);
  if (m) return { id, from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${daysInMonth(Number(m[1]), Number(m[2]))}` };
  return undefined;
}

export function periodsOfYear(year: number, every: 'month' | 'quarter' | 'year'): PeriodRange[] {
  const ids =
    every === 'year'
      ? [`${year}`]
      : every === 'quarter'
        ? [1, 2, 3, 4].map((q) => `${year}-Q${q}`)
        : Array.from({ length: 12 }, (_, i) => `${year}-${pad2(i + 1)}`);
  return ids.map((id) => parsePeriod(id) as PeriodRange);
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}
