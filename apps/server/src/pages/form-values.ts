/**
 * Reading an HTML form or a query string: a field arrives as a string, an array (repeated names,
 * checkboxes) or not at all, depending on how many inputs the browser sent.
 */
export type FormFields = Record<string, unknown>;

/** The field's first value, trimmed; '' when absent. */
export function textOf(fields: FormFields | undefined, name: string): string {
  const value = fields?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : typeof first === 'number' ? String(first) : '';
}

/** The field's first value, or undefined when absent or blank (an optional query parameter). */
export function optionalTextOf(fields: FormFields | undefined, name: string): string | undefined {
  const text = textOf(fields, name);
  return text === '' ? undefined : text;
}

/** Every non-empty value of a repeated field (checkboxes), in the order sent. */
export function listOf(fields: FormFields | undefined, name: string): string[] {
  const value = fields?.[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter((v) => v !== '');
}

/** A checkbox or a `?rollup=1` flag. */
export function flagOf(fields: FormFields | undefined, name: string): boolean {
  return ['on', 'true', '1', 'yes'].includes(textOf(fields, name).toLowerCase());
}

/** A query string from the non-empty entries, for links that keep the page's filters. */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    search.set(key, value === true ? '1' : String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
