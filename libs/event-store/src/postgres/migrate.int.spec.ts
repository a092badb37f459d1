import { Pool } from 'pg';
import { dropSchema, describeWithPostgres, uniqueSchemaName, withClient } from '../../../../test/helpers/postgres-test-database';
import { sampleEvent } from '../contract/sample-events';
import { migratePostgres, storedSchemaVersion } from './migrate';
import { LATEST_MIGRATION, MIGRATIONS } from './migrations';
import { PostgresEventStore } from './postgres-event-store';

describeWithPostgres('PostgreSQL schema migrations', (url) => {
  let schema: string;
  const pools: Pool[] = [];
  const pool = (max = 2) => {
    const created = new Pool({ connectionString: url, max });
    pools.push(created);
    return created;
  };

  beforeEach(() => {
    schema = uniqueSchemaName();
  });

  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.end()));
    await dropSchema(url, schema);
  });

  const recorded = () =>
    withClient(url, async (client) =>
      (
        await client.query<{ version: number; name: string; applied: boolean }>(
          `SELECT version, name, applied_at <= now() AS applied FROM "${schema}".taizhang_migrations ORDER BY version`,
        )
      ).rows,
    );

  it('creates the schema and its tables, records each step, and does nothing the second time', async () => {
    const first = await migratePostgres(pool(), { schema });
    expect(first).toEqual({ schema, applied: MIGRATIONS.map((m) => m.version), version: LATEST_MIGRATION });
    expect(await recorded()).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name, applied: true })));

    const again = await migratePostgres(pool(), { schema });
    expect(again).toEqual({ schema, applied: [], version: LATEST_MIGRATION });
    expect(await recorded()).toHaveLength(MIGRATIONS.length);
    expect(await storedSchemaVersion(pool(), schema)).toBe(LATEST_MIGRATION);
  });

  it('applies each step exactly once when many processes migrate the same fresh schema at once', async () => {
    const reports = await Promise.all(Array.from({ length: 8 }, () => migratePostgres(pool(1), { schema })));

    expect(reports.filter((r) => r.applied.length > 0)).toHaveLength(1);
    expect(reports.every((r) => r.version === LATEST_MIGRATION)).toBe(true);
    expect(await recorded()).toHaveLength(MIGRATIONS.length);
  });

  it('lets several stores open a fresh schema at once and append right away', async () => {
    const stores = Array.from({ length: 6 }, () => new PostgresEventStore({ connectionString: url, schema, maxConnections: 2 }));
    try {
      await Promise.all(stores.map((store, i) => store.appendToStream(`org-${i}`, [sampleEvent()], 'no-stream')));
      expect(await stores[0].headPosition()).toBeGreaterThanOrEqual(6n);
      expect((await stores[0].readAll()).map((e) => e.streamId).sort()).toEqual(stores.map((_, i) => `org-${i}`));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('reports 0 for a schema that does not exist, without creating it', async () => {
    expect(await storedSchemaVersion(pool(), schema)).toBe(0);
    const exists = await withClient(url, (client) => client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]));
    expect(exists.rowCount).toBe(0);
  });

  it('refuses a schema migrated by a newer build', async () => {
    await migratePostgres(pool(), { schema });
    await withClient(url, (client) =>
      client.query(`INSERT INTO "${schema}".taizhang_migrations (version, name) VALUES ($1, 'from the future')`, [LATEST_MIGRATION + 1]),
    );

    await expect(migratePostgres(pool(), { schema })).rejects.toThrow(new RegExp(`schema version ${LATEST_MIGRATION + 1}`));
    const store = new PostgresEventStore({ connectionString: url, schema });
    try {
      await expect(store.headPosition()).rejects.toThrow(/请升级/);
    } finally {
      await store.close();
    }
  });

  it('refuses schema names that would need quoting', async () => {
    for (const bad of ['Ledger', '1st', 'a-b', 'x"; DROP TABLE y; --', '']) {
      await expect(migratePostgres(pool(), { schema: bad })).rejects.toThrow(RangeError);
      expect(() => new PostgresEventStore({ connectionString: url, schema: bad })).toThrow(RangeError);
    }
  });
});
