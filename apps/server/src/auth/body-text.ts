/** A string field of a JSON or form body; '' when absent or not a string. */
export function bodyText(body: unknown, field: string): string {
  if (!body || typeof body !== 'object') return '';
  const value = (body as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : '';
}
