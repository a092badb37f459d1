import type { IssueList } from '../../errors';
import { CivilDate, daysInMonth, pad2 } from '../../civil-date';
import { cleanText, TextInput } from './text';

/** The Party was founded in 1921: nothing in the ledger can be older. */
export const EARLIEST_YEAR = 1921;

export type DateInputProblem = 'malformed' | 'impossible' | 'too-early';

export type ParsedDateInput = { ok: true; date: CivilDate } | { ok: false; problem: DateInputProblem; shown: string };

// Secretaries type 2021-03-05, 2021-3-5, 2021/3/5, 2021.3.5 or 2021年3月5日; all mean the same civil date.
const DATE_INPUT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

export function parseDateInput(text: string): ParsedDateInput {
  const m = DATE_INPUT.exec(text);
  if (!m) return { ok: false, problem: 'malformed', shown: text };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = `${m[1]}-${pad2(month)}-${pad2(day)}`;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, problem: 'impossible', shown: date };
  }
  if (year < EARLIEST_YEAR) return { ok: false, problem: 'too-early', shown: date };
  return { ok: true, date };
}

export interface DateCheckOptions {
  today: CivilDate;
  /** What the date is, for messages (活动日期, 入党日期…). */
  label: string;
  /** Used when nothing was typed; without it the date is required. */
  fallback?: CivilDate;
}

/** Parses and checks a date that cannot lie in the future; records an issue and returns null when bad. */
export function checkPastDate(issues: IssueList, field: string, value: TextInput, options: DateCheckOptions): CivilDate | null {
  const text = cleanText(value);
  if (text === null) {
    if (options.fallback !== undefined) return options.fallback;
    issues.add(field, `请填写${options.label}`, `${field} is required`);
    return null;
  }
  const parsed = parseDateInput(text);
  if (!parsed.ok) {
    if (parsed.problem === 'malformed') {
      issues.add(field, `${options.label}格式不正确：${parsed.shown}（应为 YYYY-MM-DD）`, `${field} is not a YYYY-MM-DD date: ${parsed.shown}`);
    } else if (parsed.problem === 'impossible') {
      issues.add(field, `日期不存在：${parsed.shown}`, `${field} is not a calendar date: ${parsed.shown}`);
    } else {
      issues.add(field, `${options.label}早于${EARLIEST_YEAR}年：${parsed.shown}`, `${field} is before ${EARLIEST_YEAR}: ${parsed.shown}`);
    }
    return null;
  }
  if (parsed.date > options.today) {
    issues.add(
      field,
      `${options.label}晚于今天（${options.today}）：${parsed.date}`,
      `${field} ${parsed.date} is in the future (today is ${options.today})`,
    );
    return null;
  }
  return parsed.date;
}
