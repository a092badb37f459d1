import { IssueList, ValidationError } from '../../../../../libs/domain/src';

/** Longest free text the API accepts in one field (a title, a place, a reason). */
export const TEXT_MAX_LENGTH = 2000;
/** Longest note: a note may hold a short summary of the sitting. */
export const NOTE_MAX_LENGTH = 10000;
/** Most entries one list field may hold (attendees of a very large meeting included). */
export const LIST_MAX_ENTRIES = 5000;

/** A JSON value as it arrives: absent (undefined), explicitly null, or a value of the right type. */
export type Given<T> = T | null | undefined;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

const TYPE_NAMES_ZH: Record<string, string> = { array: '数组', string: '文字', number: '数字', boolean: '是/否', object: '对象', null: '空值' };

/**
 * Reads a JSON request body field by field, checking only JSON types (text is a string, a number
 * is a number, a list is an array of strings): a number sent as "3" or a list sent as "a,b" is
 * refused here, never guessed at. What the values mean is checked by the domain. Every problem is
 * collected, so one 400 names every bad field; fields the route does not know are refused too.
 */
export class BodyFields {
  private readonly issues = new IssueList();
  private readonly known = new Set<string>();

  private constructor(private readonly body: Record<string, unknown>) {}

  /** Throws 400 at once unless the body is a JSON object. */
  static of(body: unknown): BodyFields {
    if (!isPlainObject(body)) {
      throw ValidationError.of('body', '请求内容必须是 JSON 对象', `the request body must be a JSON object, got ${typeName(body)}`);
    }
    return new BodyFields(body);
  }

  /** A string field; over `max` characters is refused. */
  text(field: string, label: string, options: { required?: boolean; max?: number } = {}): Given<string> {
    const value = this.take(field);
    if (value === undefined || value === null) return this.absent(field, label, value, options.required);
    if (typeof value !== 'string') return this.wrongType(field, label, value, 'string');
    const max = options.max ?? TEXT_MAX_LENGTH;
    if (value.length > max) {
      this.issues.add(field, `${label}过长（最多${max}个字）`, `${field} is longer than ${max} characters`);
      return undefined;
    }
    if (options.required && value.trim() === '') return this.absent(field, label, undefined, true);
    return value;
  }

  /** An array of strings. */
  list(field: string, label: string, options: { required?: boolean } = {}): Given<string[]> {
    const value = this.take(field);
    if (value === undefined || value === null) return this.absent(field, label, value, options.required);
    if (!Array.isArray(value)) return this.wrongType(field, label, value, 'array');
    if (value.length > LIST_MAX_ENTRIES) {
      this.issues.add(field, `${label}条目过多（最多${LIST_MAX_ENTRIES}项）`, `${field} has more than ${LIST_MAX_ENTRIES} entries`);
      return undefined;
    }
    const bad = value.findIndex((entry) => typeof entry !== 'string' || entry.length > TEXT_MAX_LENGTH);
    if (bad >= 0) {
      this.issues.add(field, `${label}的第 ${bad + 1} 项必须是文字`, `${field}[${bad}] must be a string, got ${typeName(value[bad])}`);
      return undefined;
    }
    return value as string[];
  }

  /** A JSON number (finite). */
  number(field: string, label: string): Given<number> {
    const value = this.take(field);
    if (value === undefined || value === null) return value;
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.wrongType(field, label, value, 'number');
    return value;
  }

  /** A whole JSON number. */
  integer(field: string, label: string, options: { required?: boolean } = {}): Given<number> {
    const value = this.take(field);
    if (value === undefined || value === null) return this.absent(field, label, value, options.required);
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.issues.add(field, `${label}必须是整数`, `${field} must be a whole number, got ${typeName(value)} ${JSON.stringify(value)}`);
      return undefined;
    }
    return value;
  }

  boolean(field: string, label: string): Given<boolean> {
    const value = this.take(field);
    if (value === undefined || value === null) return value;
    if (typeof value !== 'boolean') return this.wrongType(field, label, value, 'boolean');
    return value;
  }

  /** Any JSON value, left to the caller to check (e.g. an uploaded report file). */
  raw(field: string): unknown {
    return this.take(field);
  }

  /** Records a problem the caller found with a value read here, so one 400 still names every field. */
  refuse(field: string, message: string, messageEn: string): void {
    this.issues.add(field, message, messageEn);
  }

  /** Refuses unknown fields, then throws every collected issue (400); nothing has been written yet. */
  done(): void {
    for (const field of Object.keys(this.body)) {
      if (!this.known.has(field)) this.issues.add(field, `不认识的字段：${field}`, `unknown field: ${field}`);
    }
    this.issues.throwIfAny();
  }

  private take(field: string): unknown {
    this.known.add(field);
    return Object.prototype.hasOwnProperty.call(this.body, field) ? this.body[field] : undefined;
  }

  private absent(field: string, label: string, value: null | undefined, required: boolean | undefined): null | undefined {
    if (required) {
      this.issues.add(field, `请填写${label}`, `${field} is required`);
      return undefined;
    }
    return value;
  }

  private wrongType(field: string, label: string, value: unknown, expected: string): undefined {
    this.issues.add(
      field,
      `${label}应为${TYPE_NAMES_ZH[expected]}，收到的是${TYPE_NAMES_ZH[typeName(value)] ?? typeName(value)}`,
      `${field} must be a JSON ${expected}, got ${typeName(value)}`,
    );
    return undefined;
  }
}
