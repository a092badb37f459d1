import type { ClientBase, Pool, PoolClient } from 'pg';

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

/**
 * Runs `work` on a client of the pool and gives it back; a client whose work threw is dropped
 * rather than reused (a failed statement or COMMIT may leave it in an unknown state).
 */
export async function withPooledClient<T>(pool: Pick<Pool, 'connect'>, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return await work(client);
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
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
