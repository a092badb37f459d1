import { ValidationError } from '../../../../libs/domain/src';

/**
 * A refused form, ready for the view: each message next to the input it is about, and the rest
 * (fields the form has no input for) above the form.
 */
export interface FieldErrors {
  any: boolean;
  byField: Record<string, string[]>;
  general: string[];
}

export const NO_ERRORS: FieldErrors = { any: false, byField: {}, general: [] };

/**
 * `inputs` maps an issue's `field` to the input that shows it (several domain fields may share
 * one input, e.g. `observers` and the free-text observer ids).
 */
export function fieldErrorsOf(error: ValidationError, inputs: Readonly<Record<string, string>>): FieldErrors {
  const byField: Record<string, string[]> = {};
  const general: string[] = [];
  for (const issue of error.issues) {
    const input = inputs[issue.field];
    if (input === undefined) general.push(issue.message);
    else (byField[input] ??= []).push(issue.message);
  }
  return { any: true, byField, general };
}

/** Only one message, not tied to a field (a conflict, a refusal). */
export function generalError(message: string): FieldErrors {
  return { any: true, byField: {}, general: [message] };
}

/** Same-named inputs: the usual case. */
export function sameNames(...fields: string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, f]));
}

/** Runs a write; a ValidationError comes back as field errors instead of an exception. */
export async function attemptForm<T>(
  work: () => Promise<T>,
  inputs: Readonly<Record<string, string>>,
): Promise<{ ok: true; value: T } | { ok: false; errors: FieldErrors; status: number }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, errors: fieldErrorsOf(error, inputs), status: 400 };
    if (error instanceof Error && error.name === 'ConflictError') return { ok: false, errors: generalError(error.message), status: 409 };
    throw error;
  }
}
