import { ValidationError } from '../../../domain/src';

/**
 * Reads `--as-of`: an ISO instant, or a civil date meaning the end of that day in China time.
 * Returns the UTC ISO form that stored `recordedAt` values are compared with.
 */
export function parseAsOf(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const text = value.trim();
  const withTime = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T23:59:59.999+08:00` : text;
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(withTime) ? Date.parse(withTime) : NaN;
  if (Number.isNaN(ms)) {
    throw ValidationError.of('asOf', `时间点格式无效：${value}（应为 2021-06-30 或 2021-06-30T12:00:00+08:00）`, `invalid instant: ${value}`);
  }
  return new Date(ms).toISOString();
}
