import type { Pool, PoolClient } from 'pg';
import { LATEST_MIGRATION, Migration, MIGRATIONS } from './migrations';
import { advisoryLockKey, assertSchemaName, DEFAULT_SCHEMA, quotedSchema } from './schema-name';

export interface MigrationReport {
  schema: string;
  /** Versions applied by this call, in order (empty when the schema was already current). */
  applied: number[];
  /** The schema version after the call. */
  version: number;
}

type Queryable = Pick<PoolClient, 'query'>;

/** The highest migration recorded in `schema` (0 when the schema or its migration table is absent). */
export async function storedSchemaVersion(db: Queryable, schema: string = DEFAULT_SCHEMA): Promise<number> {
  const table = `${quotedSchema(schema)}.taizhang_migrations`;
  const found = await db.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [table]);
  if (!found.rows[0].present) return 0;
  const result = await db.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${table}`);
  return result.rows[0].version ?? 0;
}

/** Refuses a schema written by a newer build: its tables may mean something this build cannot read. */
export function assertNotNewer(version: number, schema: string): void {
  if (version > LATEST_MIGRATION) {
    throw new Error(
      `PostgreSQL 模式 ${schema} 由更新版本的程序创建（结构版本 ${version}），请升级后再打开。` +
        ` PostgreSQL schema ${schema} has schema version ${version}; this build knows up to ${LATEST_MIGRATION}.`,
    );
  }
}

/**
 * Creates or upgrades the ledger's tables in `schema` (created when absent). Safe to run from
 * several processes at once: they queue on a session advisory lock and each re-reads the version
 * under it, so every step is applied exactly once. A schema already current is only read, so a
 * role without CREATE rights can still open it. Each step commits in its own transaction.
 */
export async function migratePostgres(pool: Pick<Pool, 'connect'>, options: { schema?: string } = {}): Promise<MigrationReport> {
  const schema = assertSchemaName(options.schema ?? DEFAULT_SCHEMA);
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const before = await storedSchemaVersion(client, schema);
    assertNotNewer(before, schema);
    if (before === LATEST_MIGRATION) return { schema, applied: [], version: before };

    const key = advisoryLockKey('migrate', schema).toString();
    await client.query('SELECT pg_advisory_lock($1::bigint)', [key]);
    try {
      return await applyPending(client, schema);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [key]).catch((error: Error) => {
        broken ??= error;
      });
    }
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // A connection whose query failed mid-way may be in an unknown state: drop it from the pool.
    client.release(broken);
  }
}

async function applyPending(client: PoolClient, schema: string): Promise<MigrationReport> {
  const s = quotedSchema(schema);
  const current = await storedSchemaVersion(client, schema);
  assertNotNewer(current, schema);
  const applied: number[] = [];
  const pending = MIGRATIONS.filter((m) => m.version > current);
  if (pending.length === 0) return { schema, applied, version: current };

  await inTransaction(client, async () => {
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.taizhang_migrations (
        version    INTEGER     PRIMARY KEY,
        name       TEXT        NOT NULL,
        applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`,
    );
  });
  for (const migration of pending) {
    await inTransaction(client, () => applyOne(client, s, migration));
    applied.push(migration.version);
  }
  return { schema, applied, version: applied[applied.length - 1] };
}

async function applyOne(client: PoolClient, s: string, migration: Migration): Promise<void> {
  for (const statement of migration.statements(s)) await client.query(statement);
  await client.query(`INSERT INTO ${s}.taizhang_migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
}

async function inTransaction(client: PoolClient, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
