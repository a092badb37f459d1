/**
 * After `IssueList.throwIfAny()`, every value whose check would have added an issue is present;
 * this tells the compiler so (and fails loudly if a check forgot to add its issue).
 */
export function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('validated value missing: a check did not record its issue');
  return value;
}
