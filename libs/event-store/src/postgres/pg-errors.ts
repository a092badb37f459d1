/** SQLSTATE of a unique constraint violation. */
const UNIQUE_VIOLATION = '23505';

/** True for a unique violation of the named constraint (pg errors carry `code` and `constraint`). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: violated } = error as { code?: unknown; constraint?: unknown };
  return code === UNIQUE_VIOLATION && violated === constraint;
}
