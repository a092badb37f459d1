import { Pool } from 'pg';
import { dropSchema, describeWithPostgres, uniqueSchemaName, withClient } from '../../../../test/helpers/postgres-test-database';
import { PostgresEventStore } from '../../../event-store/src/postgres/postgres-event-store';
import { details, ev } from '../ledger-events.spec-helper';
import { appendAll, scenario } from '../ledger-snapshot.spec-helper';
import { migratePostgresReadModel, PG_READ_MODEL_VERSION } from './migrate-read-model';
import { openPostgresReadModel, PostgresReadModel } from './open-postgres-read-model';
import { appendSyntheticLedger, factsViaDocs, fullSnapshotOf, inMemoryViewOf } from './pg-read-model.spec-helper';

describeWithPostgres('PostgreSQL read model', (url) => {
  const schema = uniqueSchemaName();
  let store: PostgresEventStore;
  const opened: PostgresReadModel[] = [];
  const open = async (options: { live?: boolean; bulkCatchUpThreshold?: number; pageSize?: number } = {}) => {
    const readModel = await openPostgresReadModel(store, { connectionString: url, schema, maxConnections: 3, ...options });
    opened.push(readModel);
    return readModel;
  };

  beforeAll(async () => {
    store = new PostgresEventStore({ connectionString: url, schema, maxConnections: 4 });
    await store.ready();
  });

  afterAll(async () => {
    await Promise.all(opened.map((rm) => rm.close()));
    await store.close();
    await dropSchema(url, schema);
  });

  it('says what the in-memory ledger says, method by method, after catch-up and after a rebuild', async () => {
    const readModel = await open({ pageSize: 7 });
    await appendAll(store, [...scenario(0), ...scenario(1)]);
    await appendSyntheticLedger(store, 6_000, 'parity');
    await appendAll(store, scenario(2));
    // An activity logged, corrected and voided within one page, and one left as logged.
    await store.appendToStream(
      'org-b2-2',
      [
        ev.activityLogged('same-page', 'b2-2', details({ date: '2024-03-01', hours: 2 })),
        ev.activityCorrected('same-page', 'b2-2', details({ date: '2024-03-02', hours: 3 }), ['date', 'hours'], '更正'),
        ev.activityVoided('same-page', 'b2-2', '作废'),
        ev.activityLogged('plain', 'b2-2', details({ date: '2024-03-01' })),
      ],
      'any',
    );
    const head = await store.headPosition();

    const caughtUp = await readModel.catchUp();
    expect(caughtUp.position).toBe(head);
    expect(caughtUp.applied).toBe(Number(head));
    const expected = await fullSnapshotOf(await inMemoryViewOf(store));
    expect(expected.activities.some((a) => a.voided)).toBe(true);
    expect(expected.activities.some((a) => a.revisions.some((r) => r.type === 'ActivityCorrected'))).toBe(true);
    expect(expected.reports.length).toBeGreaterThan(2);
    expect(await fullSnapshotOf(readModel.view)).toEqual(expected);

    const rebuilt = await readModel.rebuild();
    expect(rebuilt).toEqual({ applied: Number(head), position: head });
    expect(await fullSnapshotOf(readModel.view)).toEqual(expected);
    expect(await readModel.catchUp()).toEqual({ applied: 0, position: head });
  });

  it('lists activity facts exactly as the documents say them', async () => {
    const readModel = await open();
    await readModel.catchUp();
    const orgIds = (await readModel.view.listOrgs()).map((o) => o.id);
    const facts = await readModel.view.listActivityFacts(orgIds, '1900-01-01', '9999-12-31');
    expect(facts.length).toBeGreaterThan(1000);
    expect(facts).toEqual(await factsViaDocs(readModel.view, orgIds, '1900-01-01', '9999-12-31'));
    expect(facts.map((f) => f.id)).toContain('plain');
    expect(facts.map((f) => f.id)).not.toContain('same-page');
  });

  it('catches up after a rebuild, and a catch-up of an empty read model runs as a rebuild', async () => {
    const readModel = await open({ bulkCatchUpThreshold: 100 });
    await readModel.rebuild();
    await appendAll(store, scenario(3));
    const head = await store.headPosition();
    const after = await readModel.catchUp();
    expect(after.position).toBe(head);
    expect(after.applied).toBeGreaterThan(0);
    const expected = await fullSnapshotOf(await inMemoryViewOf(store));
    expect(await fullSnapshotOf(readModel.view)).toEqual(expected);

    // Emptied behind its back (as an operator's TRUNCATE would), then rebuilt: the same again.
    await withClient(url, (c) => c.query(`TRUNCATE "${schema}".rm_activity, "${schema}".rm_org, "${schema}".rm_member`));
    expect(await readModel.view.listOrgs()).toEqual([]);
    expect(await readModel.rebuild()).toEqual({ applied: Number(head), position: head });
    expect(await fullSnapshotOf(readModel.view)).toEqual(expected);

    // A fresh read model in another schema over the same events: its first catch-up is a bulk rebuild.
    const otherSchema = uniqueSchemaName();
    const other = await openPostgresReadModel(store, { connectionString: url, schema: otherSchema, bulkCatchUpThreshold: 100, maxConnections: 2 });
    try {
      expect(await other.catchUp()).toEqual({ applied: Number(head), position: head });
      expect(await fullSnapshotOf(other.view)).toEqual(expected);
    } finally {
      await other.close();
      await dropSchema(url, otherSchema);
    }
  });

  it('keeps serving the old state while a rebuild runs, and rebuilds while appends go on', async () => {
    const readModel = await open();
    await readModel.catchUp();
    const before = await readModel.view.listOrgs();
    let reads = 0;
    let rebuilding = true;
    const reader = (async () => {
      while (rebuilding) {
        // Every read during the rebuild sees a whole read model, the old one or the new one.
        expect((await readModel.view.listOrgs()).length).toBeGreaterThanOrEqual(before.length);
        reads += 1;
      }
    })();
    const appender = (async () => {
      for (let round = 10; rebuilding || round < 13; round++) await appendAll(store, scenario(round));
    })();
    const rebuilt = await readModel.rebuild();
    rebuilding = false;
    await Promise.all([reader, appender]);
    expect(reads).toBeGreaterThan(0);
    const head = await store.headPosition();
    expect(rebuilt.position).toBeLessThanOrEqual(head);
    await readModel.catchUp();
    expect(await fullSnapshotOf(readModel.view)).toEqual(await fullSnapshotOf(await inMemoryViewOf(store)));
  });

  it('migrates idempotently, also when several processes start at once', async () => {
    const fresh = uniqueSchemaName();
    const pools = Array.from({ length: 4 }, () => new Pool({ connectionString: url, max: 1 }));
    try {
      const first = await Promise.all(pools.map((pool) => migratePostgresReadModel(pool, { schema: fresh })));
      expect(first.filter((m) => m.recreated)).toHaveLength(1);
      expect(await migratePostgresReadModel(pools[0], { schema: fresh })).toEqual({ schema: fresh, recreated: false });
      const tables = await withClient(url, async (c) =>
        (await c.query<{ name: string }>('SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 ORDER BY 1', [fresh])).rows.map((r) => r.name),
      );
      expect(tables).toEqual(['rm_account', 'rm_activity', 'rm_checkpoint', 'rm_member', 'rm_member_org', 'rm_meta', 'rm_org', 'rm_report']);

      // Stamped with another version: dropped and recreated empty, checkpoint back to 0.
      await withClient(url, async (c) => {
        await c.query(`INSERT INTO "${fresh}".rm_org (id, kind, parent_id, doc) VALUES ('x', 'branch', NULL, '{}')`);
        await c.query(`UPDATE "${fresh}".rm_checkpoint SET position = 42`);
        await c.query(`UPDATE "${fresh}".rm_meta SET value = $1 WHERE key = 'version'`, [String(PG_READ_MODEL_VERSION + 1)]);
      });
      const again = await Promise.all(pools.map((pool) => migratePostgresReadModel(pool, { schema: fresh })));
      expect(again.filter((m) => m.recreated)).toHaveLength(1);
      const state = await withClient(url, async (c) => ({
        orgs: (await c.query(`SELECT * FROM "${fresh}".rm_org`)).rowCount,
        checkpoint: (await c.query<{ position: string }>(`SELECT position FROM "${fresh}".rm_checkpoint`)).rows,
        version: (await c.query<{ value: string }>(`SELECT value FROM "${fresh}".rm_meta WHERE key = 'version'`)).rows[0].value,
      }));
      expect(state).toEqual({ orgs: 0, checkpoint: [{ position: '0' }], version: String(PG_READ_MODEL_VERSION) });
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
      await dropSchema(url, fresh);
    }
  });
});
