import { daysInMonth, pad2 } from '../../../domain/src/civil-date';
import { excelDateToCivil, excelSerialToDate, MAX_EXCEL_SERIAL } from './excel-serial';
import type { CellValue } from './sheet-table';
import { toHalfWidth } from './half-width';

export type DateCellResult = { ok: true; date: string } | { ok: false; message: string; messageEn: string };

// 2021-03-05, 2021/3/5, 2021.3.5, 2021年3月5日 (号 too), with spaces anywhere between the parts.
const DATE_PART = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?/u;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const WEEKDAY = String.raw`[（(]?\s*(?:周|星期|礼拜)[一二三四五六日天七]\s*[）)]?`;
const DAY_PART_WORD = '(?:上午|下午|晚上|中午|早上|傍晚)';
const CLOCK = String.raw`(?:\d{1,2}(?:[:：]\d{2}){1,2}|\d{1,2}\s*[点时](?:\s*\d{1,2}\s*分?|半)?)`;
const TIME = `(?:${DAY_PART_WORD}?\\s*${CLOCK}(?:\\s*[-~～至到]\\s*${DAY_PART_WORD}?\\s*${CLOCK})?|${DAY_PART_WORD})`;
/** What may follow the day and is only about the time: weekday, a time or a time span, an ISO `T…`. */
const TRAILER = new RegExp(`^\\s*(?:${WEEKDAY})?\\s*(?:${TIME}|T[\\d:.]+Z?)?\\s*$`, 'u');

function checked(year: number, month: number, day: number, shown: string): DateCellResult {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: `日期不存在：${shown}`, messageEn: `not a calendar date: ${shown}` };
  }
  return { ok: true, date: `${year}-${pad2(month)}-${pad2(day)}` };
}

function fromNumber(value: number, date1904: boolean): DateCellResult {
  // 20210305 typed as a number: the digits are the date (far above any serial of a real date).
  if (Number.isInteger(value) && value >= 10_000_000 && value <= 99_999_999) {
    const m = COMPACT.exec(String(value));
    if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]), `${m[1]}-${m[2]}-${m[3]}`);
  }
  // A number in a date column is a date serial whatever the cell's format says: Chinese
  // built-in date formats (ids 27–36, 50–58) come back from readers as bare numbers.
  const date = value >= 1 && value <= MAX_EXCEL_SERIAL ? excelSerialToDate(value, date1904) : undefined;
  if (date === undefined) return { ok: false, message: `不是日期：${value}`, messageEn: `not a date: ${value}` };
  return { ok: true, date };
}

function fromText(raw: string): DateCellResult {
  const text = toHalfWidth(raw).trim();
  const compact = COMPACT.exec(text);
  if (compact) return checked(Number(compact[1]), Number(compact[2]), Number(compact[3]), text);
  const m = DATE_PART.exec(text);
  if (!m) {
    if (/^\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/u.test(text)) {
      return { ok: false, message: `年份应写全四位：${raw}（如 2021-03-05）`, messageEn: `the year needs four digits: ${raw}` };
    }
    if (/^\d{1,2}\s*月\s*\d{1,2}\s*[日号]?/u.test(text)) {
      return { ok: false, message: `日期缺少年份：${raw}（如 2021年3月5日）`, messageEn: `the date has no year: ${raw}` };
    }
    return { ok: false, message: `无法识别的日期：${raw}（可写作 2021-03-05、2021/3/5、2021年3月5日 或 2021.3.5）`, messageEn: `not a date: ${raw}` };
  }
  const rest = text.slice(m[0].length);
  if (rest.trim() !== '' && !TRAILER.test(rest)) {
    return {
      ok: false,
      message: `日期后有无法识别的内容：${raw}（一行只登记一天的一次活动）`,
      messageEn: `unrecognised text after the date: ${raw}`,
    };
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return checked(year, month, day, `${m[1]}-${pad2(month)}-${pad2(day)}`);
}

/**
 * The civil date a 日期 cell holds: a date-formatted cell, a date serial (incl. the Chinese
 * built-in formats), 20210305, or text as secretaries type it. Only the calendar is checked here;
 * too early or in the future is the activity rules' call (the same as for a logged activity).
 */
export function parseDateCell(value: CellValue, date1904 = false): DateCellResult {
  if (value instanceof Date) {
    const date = excelDateToCivil(value);
    return date === undefined ? { ok: false, message: '日期单元格无效', messageEn: 'invalid date cell' } : { ok: true, date };
  }
  if (typeof value === 'number') return fromNumber(value, date1904);
  if (typeof value === 'string') return fromText(value);
  return { ok: false, message: `不是日期：${String(value)}`, messageEn: `not a date: ${String(value)}` };
}
