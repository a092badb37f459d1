import type { ClientBase } from 'pg';

/** Anything that runs a query: a pool, a pooled client, a plain client. */
export type Queryable = Pick<ClientBase, 'query'>;

/** Runs `work` between BEGIN and COMMIT on one client; rolls back (and rethrows) when it throws. */
export async function inTransaction<T>(client: Queryable, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** A BIGINT as PostgreSQL sends it (text; pg leaves int8 unparsed by default) or null, as a bigint. */
export function bigintOf(value: string | number | bigint | null | undefined): bigint {
  return value === null || value === undefined ? 0n : BigInt(value);
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
