import { sampleEvent } from '../../libs/event-store/src/contract/sample-events';
import { openEventStore, parseStoreUrl } from '../../libs/event-store/src/open-event-store';
import { describeWithPostgres, withClient } from '../helpers/postgres-test-database';
import { benchStore } from './bench-store';

describeWithPostgres('benchStore on PostgreSQL', (url) => {
  it('drops the schema the run filled, and only that one', async () => {
    const store = benchStore(url);
    const location = parseStoreUrl(store.url);
    if (location.kind !== 'postgres') throw new Error('not postgres');
    const schemaExists = () =>
      withClient(url, async (client) => (await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [location.schema])).rowCount === 1);

    const events = await openEventStore(store.url);
    try {
      await events.appendToStream('org-1', [sampleEvent()], 'no-stream');
    } finally {
      await events.close();
    }
    expect(await schemaExists()).toBe(true);

    await store.dispose();
    expect(await schemaExists()).toBe(false);
    // A second dispose (after an interrupt, say) is harmless.
    await expect(store.dispose()).resolves.toBeUndefined();
  });
});
