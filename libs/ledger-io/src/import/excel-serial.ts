import { pad2 } from '../../../domain/src/civil-date';

const MS_PER_DAY = 86_400_000;
/** Serial 0 is 1899-12-30 in the 1900 system (Excel's leap-year bug makes the epoch one day early). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Largest serial Excel accepts (9999-12-31). */
export const MAX_EXCEL_SERIAL = 2_958_465;

/**
 * The civil date of an Excel date serial. A fraction is the time of day and is dropped (after
 * rounding to the second, so 0.99999999 of float noise is not the day before).
 */
export function excelSerialToDate(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_EXCEL_SERIAL) return undefined;
  let epoch = date1904 ? EPOCH_1904 : EPOCH_1900;
  if (!date1904 && serial < 61) {
    // Excel counts a 29 February 1900 that never was: serial 60 is no day, and before it the count is one ahead.
    if (Math.floor(serial) === 60) return undefined;
    epoch += MS_PER_DAY;
  }
  const ms = epoch + Math.round(serial * 86_400) * 1000;
  const d = new Date(Math.floor(ms / MS_PER_DAY) * MS_PER_DAY);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/**
 * The civil date of a `Date` from a date-formatted cell. exceljs builds it from the serial as UTC,
 * so its UTC fields are the wall-clock date the sheet shows.
 */
export function excelDateToCivil(value: Date): string | undefined {
  const t = value.getTime();
  if (Number.isNaN(t)) return undefined;
  const d = new Date(Math.round(t / 1000) * 1000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}
