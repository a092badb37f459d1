import { performance } from 'node:perf_hooks';
import { dropSchema, describeWithPostgres, uniqueSchemaName } from '../../../../test/helpers/postgres-test-database';
import { PostgresEventStore } from '../../../event-store/src/postgres/postgres-event-store';
import { openPostgresReadModel } from './open-postgres-read-model';
import { appendSyntheticLedger } from './pg-read-model.spec-helper';

/** Events in the measured ledger; set TAIZHANG_PG_REBUILD_EVENTS=1000000 for the figure. */
const EVENTS = Number(process.env.TAIZHANG_PG_REBUILD_EVENTS ?? 30_000);
/** TAIZHANG_PG_REBUILD_APART=1 measures a read model whose events are elsewhere (documents in full, events through the port). */
const APART = process.env.TAIZHANG_PG_REBUILD_APART === '1';

/**
 * Logs the rebuild rate of a synthetic ledger (target: 100,000 events/s, issue 5). No assertion on
 * time: the figure is for the log; the test checks that every event was folded and the result reads.
 */
describeWithPostgres('PostgreSQL read model rebuild throughput', (url) => {
  const schema = uniqueSchemaName();
  let store: PostgresEventStore;

  beforeAll(async () => {
    store = new PostgresEventStore({ connectionString: url, schema, maxConnections: 4 });
    await store.ready();
  });

  afterAll(async () => {
    await store.close();
    await dropSchema(url, schema);
  });

  it(`rebuilds a synthetic ledger of ${EVENTS} events and logs the rate`, async () => {
    const appended = await appendSyntheticLedger(store, EVENTS, 'rate');
    // The default plan (open-ledger.ts): the read model in the event store's own schema.
    const readModel = await openPostgresReadModel(store, { connectionString: url, schema, eventsBeside: !APART });
    try {
      const started = performance.now();
      const result = await readModel.rebuild();
      const seconds = (performance.now() - started) / 1000;
      console.log(`PostgreSQL read-model rebuild (${APART ? 'documents in full' : 'activities by reference'}): ${result.applied} events in ${seconds.toFixed(2)} s = ${Math.round(result.applied / seconds)} events/s`);
      expect(result).toEqual({ applied: appended, position: await store.headPosition() });
      const orgs = await readModel.view.listOrgs();
      const activities = await readModel.view.listActivities(orgs.map((o) => o.id), '1900-01-01', '9999-12-31', { includeVoided: true });
      expect(activities.length).toBeGreaterThan(appended / 2);
    } finally {
      await readModel.close();
    }
  }, 600_000);
});
