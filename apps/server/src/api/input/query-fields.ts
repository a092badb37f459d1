import { IssueList } from '../../../../../libs/domain/src';

/**
 * Reads URL query parameters: each must appear at most once and be plain text (`?year=2021&year=2022`
 * or `?year[a]=1` is refused, not resolved by picking one). Unknown parameters are refused, so a
 * misspelt `?rolup=true` cannot silently return the branch's own figures instead of the roll-up.
 */
export class QueryFields {
  private readonly issues = new IssueList();
  private readonly known = new Set<string>();

  constructor(private readonly query: Record<string, unknown>) {}

  text(field: string, label: string, options: { required?: boolean } = {}): string | undefined {
    this.known.add(field);
    const value = this.query[field];
    if (value === undefined || value === '') {
      if (options.required) this.issues.add(field, `请填写${label}`, `query parameter ${field} is required`);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.issues.add(field, `${label}只能填写一次`, `query parameter ${field} must be given once, as text`);
      return undefined;
    }
    return value;
  }

  /** A year; the query handlers check its range. */
  year(options: { required?: boolean } = { required: true }): string | undefined {
    const value = this.text('year', '年份', options);
    if (value !== undefined && !/^\d{4}$/.test(value)) {
      this.issues.add('year', `年份无效：${value}（应为四位数字，如 2021）`, `invalid year: ${value}`);
      return undefined;
    }
    return value;
  }

  /** A whole number ≥ 0 (days, month). */
  integer(field: string, label: string): number | undefined {
    const value = this.text(field, label);
    if (value === undefined) return undefined;
    if (!/^\d{1,6}$/.test(value)) {
      this.issues.add(field, `${label}必须是非负整数：${value}`, `${field} must be a non-negative whole number: ${value}`);
      return undefined;
    }
    return Number(value);
  }

  /** `true`/`1` or `false`/`0`; absent is false. */
  flag(field: string, label: string): boolean {
    const value = this.text(field, label);
    if (value === undefined || value === 'false' || value === '0') return false;
    if (value === 'true' || value === '1') return true;
    this.issues.add(field, `${label}应为 true 或 false：${value}`, `${field} must be true or false: ${value}`);
    return false;
  }

  /** Refuses unknown parameters, then throws every collected issue (400). */
  done(): void {
    for (const field of Object.keys(this.query)) {
      if (!this.known.has(field)) this.issues.add(field, `不认识的查询参数：${field}`, `unknown query parameter: ${field}`);
    }
    this.issues.throwIfAny();
  }
}
