import { ConcurrencyError, IdempotencyError } from '../../event-store/src';
import { ConflictError } from './errors';

const MAX_ATTEMPTS = 8;

/**
 * Runs a read-validate-append attempt again when another writer got in first: the next attempt
 * catches up and validates against the new state. Gives up with ConflictError.
 */
export async function withConflictRetry<T>(attempt: () => Promise<T>): Promise<T> {
  let last: unknown;
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof ConcurrencyError)) {
        if (err instanceof IdempotencyError) throw new ConflictError(err.message);
        throw err;
      }
      last = err;
      // Brief jittered back-off so two processes do not collide in lock-step.
      await new Promise((r) => setTimeout(r, Math.random() * 5 * (i + 1)));
    }
  }
  throw new ConflictError(`并发写入冲突，重试${MAX_ATTEMPTS}次后仍未成功 / conflict after ${MAX_ATTEMPTS} attempts: ${String(last)}`);
}
