import type { Pool } from 'pg';
import { advisoryLockKey, assertSchemaName, quotedSchema } from '../../../event-store/src/postgres/schema-name';
import { inTransaction, Queryable, withPooledClient } from './pg-session';
import {
  bareTableName,
  createDocumentTables,
  DOCUMENT_TABLE_KEYS,
  dropDocumentTables,
  LIVE_PREFIX,
  metaTables,
  REBUILD_PREFIX,
  tablesWithPrefix,
} from './read-model-tables';

/**
 * Bumped whenever a PostgreSQL read-model table or document shape changes. The read model is
 * derived data: a schema stamped with another version has its rm_ tables dropped and recreated
 * empty, and catch-up (or a rebuild) refolds them.
 */
export const PG_READ_MODEL_VERSION = 2;

/**
 * `rm_meta` key saying how activities may be stored: `by-reference` once a read model beside its
 * events opened the tables (some rows may then need the events table to be read), else `full`.
 */
const ACTIVITY_STORAGE_KEY = 'activity_storage';

/** The one checkpoint row every rm_ table shares: they are written in the same transactions. */
export const LEDGER_CHECKPOINT = 'ledger';

export interface ReadModelMigration {
  schema: string;
  /** True when this call (re)created the tables; false when they were current already. */
  recreated: boolean;
}

/**
 * Creates the rm_ tables in `schema` (and the schema) when absent; drops and recreates them when
 * stamped with another version. The common case, a current schema, is settled by two reads
 * without any lock. Otherwise the work runs in one transaction under a transaction-level advisory
 * lock, re-checked under it, so processes starting together apply it once and wait for each other.
 * The lock key is the event store's migration key for the same schema: `CREATE SCHEMA` by the
 * event store's migration and by this one never race.
 */
export async function migratePostgresReadModel(
  pool: Pick<Pool, 'connect'>,
  options: { schema: string; eventsBeside?: boolean },
): Promise<ReadModelMigration> {
  const schema = assertSchemaName(options.schema);
  const storage = options.eventsBeside ? 'by-reference' : 'full';
  return withPooledClient(pool, async (client) => {
    if ((await stateOf(client, schema, storage)) === 'current') return { schema, recreated: false };
    const recreated = await inTransaction(client, async () => {
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [advisoryLockKey('migrate', schema).toString()]);
      const { meta, checkpoint } = metaTables(schema);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quotedSchema(schema)}`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${meta} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
      // `generation` changes whenever the tables are replaced (here, or by a rebuild's swap), so a
      // writer knows its cached documents came from tables that are gone.
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${checkpoint} (name TEXT PRIMARY KEY, position BIGINT NOT NULL, generation BIGINT NOT NULL)`,
      );
      const state = await stateOf(client, schema, storage);
      if (state === 'current') return false;
      if (state === 'restamp') {
        // Documents stored in full read the same beside the events: only new ones go by reference.
        await stampStorage(client, meta, storage);
        return false;
      }
      await dropDocumentTables(client, tablesWithPrefix(schema, LIVE_PREFIX));
      await dropDocumentTables(client, tablesWithPrefix(schema, REBUILD_PREFIX));
      await createDocumentTables(client, tablesWithPrefix(schema, LIVE_PREFIX), { activityIndexes: true });
      await client.query(
        `INSERT INTO ${checkpoint} (name, position, generation) VALUES ($1, 0, 1)
         ON CONFLICT (name) DO UPDATE SET position = 0, generation = ${checkpoint}.generation + 1`,
        [LEDGER_CHECKPOINT],
      );
      await client.query(`INSERT INTO ${meta} (key, value) VALUES ('version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [
        String(PG_READ_MODEL_VERSION),
      ]);
      await stampStorage(client, meta, storage);
      return true;
    });
    return { schema, recreated };
  });
}

/**
 * `current`: every rm_ table exists, the checkpoint row too, the version is this build's, and the
 * activity storage stamp is the one wanted. `restamp`: all that, but stored `full` while wanted
 * `by-reference`. `recreate`: anything else, including rows that may be stored by reference
 * opened by a read model whose events are elsewhere (it could not read them).
 */
async function stateOf(db: Queryable, schema: string, storage: string): Promise<'current' | 'restamp' | 'recreate'> {
  const s = quotedSchema(schema);
  const names = ['rm_meta', 'rm_checkpoint', ...DOCUMENT_TABLE_KEYS.map((key) => bareTableName(LIVE_PREFIX, key))];
  const found = await db.query<{ present: boolean }>('SELECT bool_and(to_regclass(name) IS NOT NULL) AS present FROM unnest($1::text[]) AS name', [
    names.map((name) => `${s}."${name}"`),
  ]);
  if (!found.rows[0].present) return 'recreate';
  const { meta, checkpoint } = metaTables(schema);
  const stamped = await db.query<{ version: string | null; storage: string | null; rows: string }>(
    `SELECT (SELECT value FROM ${meta} WHERE key = 'version') AS version, (SELECT value FROM ${meta} WHERE key = $2) AS storage,
            (SELECT count(*) FROM ${checkpoint} WHERE name = $1) AS rows`,
    [LEDGER_CHECKPOINT, ACTIVITY_STORAGE_KEY],
  );
  const row = stamped.rows[0];
  if (row.version !== String(PG_READ_MODEL_VERSION) || row.rows !== '1') return 'recreate';
  if (row.storage === storage) return 'current';
  return row.storage === 'full' && storage === 'by-reference' ? 'restamp' : 'recreate';
}

async function stampStorage(db: Queryable, meta: string, storage: string): Promise<void> {
  await db.query(`INSERT INTO ${meta} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [ACTIVITY_STORAGE_KEY, storage]);
}
