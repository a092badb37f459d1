import { Pool } from 'pg';
import { dropSchema, describeWithPostgres, uniqueSchemaName, withClient } from '../../../../test/helpers/postgres-test-database';
import { PostgresEventStore } from '../../../event-store/src/postgres/postgres-event-store';
import type { StoredEvent } from '../../../event-store/src/envelope';
import { registerUpcaster } from '../../../event-store/src/upcasters';
import { details, ev } from '../ledger-events.spec-helper';
import { appendAll, scenario } from '../ledger-snapshot.spec-helper';
import { migratePostgresReadModel, PG_READ_MODEL_VERSION } from './migrate-read-model';
import { openPostgresReadModel, PostgresReadModel } from './open-postgres-read-model';
import { appendSyntheticLedger, factsViaDocs, fullSnapshotOf, inMemoryViewOf, readEverything } from './pg-read-model.spec-helper';

/** Both ways of storing activities: by reference beside the events (the default plan), and in full. */
for (const eventsBeside of [true, false]) {
  describeWithPostgres(`PostgreSQL read model (${eventsBeside ? 'activities by reference' : 'documents in full'})`, (url) => {
    const schema = uniqueSchemaName();
    let store: PostgresEventStore;
    const opened: PostgresReadModel[] = [];
    const open = async (options: { live?: boolean; bulkCatchUpThreshold?: number; pageSize?: number; rebuildKeptChanges?: number } = {}) => {
      const readModel = await openPostgresReadModel(store, { connectionString: url, schema, maxConnections: 3, eventsBeside, ...options });
      opened.push(readModel);
      return readModel;
    };

    /** Of these activity ids, those stored by reference (doc NULL), sorted. */
    const storedByReference = (ids: string[]) =>
      withClient(url, async (c) =>
        (await c.query<{ id: string }>(`SELECT id FROM "${schema}".rm_activity WHERE doc IS NULL AND id = ANY($1::text[]) ORDER BY id`, [ids])).rows.map((r) => r.id),
      );

    /** Columns (name, type, collation, nullability) and index definitions of a schema's rm_activity. */
    const activityTableDefinition = (inSchema: string) =>
      withClient(url, async (c) => ({
        columns: (
          await c.query(
            `SELECT column_name, data_type, collation_name, is_nullable, column_default FROM information_schema.columns
              WHERE table_schema = $1 AND table_name = 'rm_activity' ORDER BY ordinal_position`,
            [inSchema],
          )
        ).rows,
        indexes: (await c.query<{ def: string }>(`SELECT indexdef AS def FROM pg_indexes WHERE schemaname = $1 AND tablename = 'rm_activity'`, [inSchema])).rows
          .map((r) => r.def.replace(/INDEX \S+ ON \S+/, 'INDEX ON'))
          .sort(),
      }));

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

    it('reads activities logged under an older schema version, and with escapes jsonb refuses, after catch-up and after a rebuild', async () => {
      const readModel = await open();
      await readModel.catchUp();
      // A hypothetical version 0 of ActivityLogged kept the date and kinds at the top level.
      registerUpcaster('ActivityLogged', 0, (e: StoredEvent) => {
        const old = e.data as { activityId: string; orgId: string; date: string; kinds: string[] };
        return { ...e, schemaVersion: 1, data: { activityId: old.activityId, orgId: old.orgId, activity: details({ date: old.date, kinds: old.kinds }) } };
      });
      const v0 = {
        ...ev.activityLogged('old', 'b-old', details({ date: '2019-07-01' })),
        schemaVersion: 0,
        data: { activityId: 'old', orgId: 'b-old', date: '2019-07-01', kinds: ['party-lecture'] },
      };
      await store.appendToStream(
        'org-b-old',
        [
          ev.orgRegistered('b-old'),
          v0,
          // Stored as \u escapes in the event's JSON: a NUL, a lone surrogate, and a backslash before a u.
          ev.activityLogged('escaped', 'b-old', details({ date: '2019-07-02', title: 'a\u0000b \ud800 C:\\users' })),
          ev.activityLogged('plain-old-org', 'b-old', details({ date: '2019-07-03' })),
        ],
        'any',
      );
      const head = await store.headPosition();
      const expected = await fullSnapshotOf(await inMemoryViewOf(store));
      const facts = async () => readModel.view.listActivityFacts(['b-old'], '2019-01-01', '2019-12-31');
      const checkAll = async () => {
        expect(await fullSnapshotOf(readModel.view)).toEqual(expected);
        expect(await facts()).toEqual(await factsViaDocs(readModel.view, ['b-old'], '2019-01-01', '2019-12-31'));
        expect(await facts()).toMatchObject([
          { id: 'old', details: { date: '2019-07-01', kinds: ['party-lecture'] } },
          { id: 'escaped', details: { title: 'a\u0000b \ud800 C:\\users' } },
          { id: 'plain-old-org' },
        ]);
        expect((await readModel.view.getOrg('b-old'))?.streamVersion).toBe(4);
      };
      expect((await readModel.catchUp()).position).toBe(head);
      await checkAll();
      expect(await readModel.rebuild()).toEqual({ applied: Number(head), position: head });
      await checkAll();
      expect(await storedByReference(['old', 'escaped', 'plain-old-org'])).toEqual(eventsBeside ? ['escaped', 'old', 'plain-old-org'] : []);
    });

    it('stores activities by reference only beside the events; a rebuilt activity table is defined as a migrated one', async () => {
      const readModel = await open();
      await readModel.rebuild();
      const all = await withClient(url, async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}".rm_activity`)).rows[0].n);
      const byReference = await withClient(url, async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}".rm_activity WHERE doc IS NULL`)).rows[0].n);
      // Corrected and voided ones are stored in full either way.
      if (eventsBeside) expect(byReference).toBeGreaterThan(all / 2);
      else expect(byReference).toBe(0);
      expect(byReference).toBeLessThan(all);

      const fresh = uniqueSchemaName();
      const pool = new Pool({ connectionString: url, max: 1 });
      try {
        await migratePostgresReadModel(pool, { schema: fresh });
        expect(await activityTableDefinition(schema)).toEqual(await activityTableDefinition(fresh));
      } finally {
        await pool.end();
        await dropSchema(url, fresh);
      }
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
      // Its events are in another schema: never beside it.
      const other = await openPostgresReadModel(store, { connectionString: url, schema: otherSchema, bulkCatchUpThreshold: 100, maxConnections: 2 });
      try {
        expect(await other.catchUp()).toEqual({ applied: Number(head), position: head });
        expect(await fullSnapshotOf(other.view)).toEqual(expected);
      } finally {
        await other.close();
        await dropSchema(url, otherSchema);
      }
    });

    it('rebuilds the same when there are more activity changes than it keeps (read again by type)', async () => {
      await appendAll(store, scenario(4));
      const changes = (await readEverything(store)).filter((e) => e.type === 'ActivityCorrected' || e.type === 'ActivityVoided').length;
      expect(changes).toBeGreaterThan(3);
      const readModel = await open({ rebuildKeptChanges: 2, pageSize: 5 });
      const head = await store.headPosition();
      expect(await readModel.rebuild()).toEqual({ applied: Number(head), position: head });
      expect(await fullSnapshotOf(readModel.view)).toEqual(await fullSnapshotOf(await inMemoryViewOf(store)));
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

    it('rebuilds an activity logged twice under one id (no unique index: the whole history refolded) as the in-memory ledger', async () => {
      // Last of the suite: from here on every rebuild takes that slow path.
      const readModel = await open();
      await store.appendToStream(
        'org-b-old',
        [ev.activityLogged('twice', 'b-old', details({ date: '2019-08-01', hours: 1 })), ev.activityLogged('twice', 'b-old', details({ date: '2019-08-02', hours: 2 }))],
        'any',
      );
      const head = await store.headPosition();
      expect(await readModel.rebuild()).toEqual({ applied: Number(head), position: head });
      const expected = await fullSnapshotOf(await inMemoryViewOf(store));
      expect(await fullSnapshotOf(readModel.view)).toEqual(expected);
      expect(await readModel.view.getActivity('twice')).toMatchObject({ details: { date: '2019-08-02', hours: 2 } });
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

        // Opened beside the events: documents stored in full stay (only new ones go by reference).
        await withClient(url, (c) => c.query(`INSERT INTO "${fresh}".rm_org (id, kind, parent_id, doc) VALUES ('y', 'branch', NULL, '{}')`));
        expect(await migratePostgresReadModel(pools[0], { schema: fresh, eventsBeside: true })).toEqual({ schema: fresh, recreated: false });
        expect(await migratePostgresReadModel(pools[1], { schema: fresh, eventsBeside: true })).toEqual({ schema: fresh, recreated: false });
        // Then opened with the events elsewhere: rows by reference could not be read, so all is refolded.
        expect(await migratePostgresReadModel(pools[2], { schema: fresh, eventsBeside: false })).toEqual({ schema: fresh, recreated: true });
        expect(await withClient(url, async (c) => (await c.query(`SELECT * FROM "${fresh}".rm_org`)).rowCount)).toBe(0);
      } finally {
        await Promise.all(pools.map((pool) => pool.end()));
        await dropSchema(url, fresh);
      }
    });
  });
}
