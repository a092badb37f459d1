import { FieldIssue, ValidationError } from '../../../../../libs/domain/src';

/** The issues a parse refused its input with; [] when it accepted it. Any other error fails the test. */
export function issuesOf(run: () => unknown): FieldIssue[] {
  try {
    run();
  } catch (err) {
    if (err instanceof ValidationError) return err.issues;
    throw err;
  }
  return [];
}

/** The fields a parse refused, in the order it reported them. */
export function refusedFields(run: () => unknown): string[] {
  return issuesOf(run).map((i) => i.field);
}
