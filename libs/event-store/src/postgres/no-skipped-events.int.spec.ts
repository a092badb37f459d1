import { dropSchema, describeWithPostgres, uniqueSchemaName } from '../../../../test/helpers/postgres-test-database';
import { sampleEvent, sampleEvents } from '../contract/sample-events';
import { StoredEvent } from '../envelope';
import { StreamChainVerifier } from '../hash-chain';
import { EventFilter, Subscription } from '../port';
import { PostgresEventStore } from './postgres-event-store';

/** A small projection: per stream, how many events, the last version and hash. */
type Tally = Map<string, { count: number; version: number; hash: string }>;

function fold(tally: Tally, event: StoredEvent): Tally {
  const entry = tally.get(event.streamId) ?? { count: 0, version: 0, hash: '' };
  tally.set(event.streamId, { count: entry.count + 1, version: event.streamVersion, hash: event.hash });
  return tally;
}

/** Consumes a subscription until the event with `sentinelId` arrives (it is appended last). */
async function consumeUntil(subscription: Subscription, sentinelId: () => string | undefined): Promise<StoredEvent[]> {
  const received: StoredEvent[] = [];
  for await (const event of subscription) {
    received.push(event);
    if (event.eventId === sentinelId()) break;
  }
  await subscription.close();
  return received;
}

async function readEverything(store: PostgresEventStore, filter?: EventFilter): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  for (let from = 0n; ; ) {
    const page = await store.readAll({ fromPosition: from, maxCount: 1000, filter });
    if (page.length === 0) return all;
    all.push(...page);
    from = page[page.length - 1].globalPosition;
  }
}

/**
 * The gap bug of SQL event stores: positions come from a sequence when a transaction inserts, but
 * transactions commit in their own order. A reader that sees position 7 committed while 6 is still
 * in flight moves its cursor past 6 and never reads it. Here many writers on several store
 * instances (their own pools, as several server processes) append while catch-up subscriptions
 * poll as fast as they can; each subscription must end up with exactly the store's events.
 */
describeWithPostgres('PostgreSQL catch-up reading under concurrent appends', (url) => {
  const schema = uniqueSchemaName();
  const instances: PostgresEventStore[] = [];
  const open = () => {
    const store = new PostgresEventStore({ connectionString: url, schema, maxConnections: 4 });
    instances.push(store);
    return store;
  };

  afterAll(async () => {
    await Promise.all(instances.map((s) => s.close()));
    await dropSchema(url, schema);
  });

  it('never skips an event: subscriptions see every event once, in position order, like a full rebuild', async () => {
    const reader = open();
    await reader.ready();
    const writers = Array.from({ length: 6 }, open);
    let sentinel: string | undefined;

    // Subscribed before any append, polling continuously: every page read races the writers.
    const everything = consumeUntil(reader.subscribeToAll({ pollIntervalMs: 1 }), () => sentinel);
    const orgsOnly = consumeUntil(reader.subscribeToAll({ pollIntervalMs: 1, filter: { streamPrefix: 'org-' } }), () => sentinel);

    const workersPerInstance = 4;
    const appendsPerWorker = 40;
    let appended = 0;
    await Promise.all(
      writers.flatMap((store, w) =>
        Array.from({ length: workersPerInstance }, async (_, k) => {
          // Each worker owns its streams and states exact expected versions; batches of 1 to 3.
          const streams = [`org-${w}-${k}`, `member-${w}-${k}`];
          const versions = [0, 0];
          for (let i = 0; i < appendsPerWorker; i++) {
            const s = i % 2;
            const batch = sampleEvents(1 + ((i + k) % 3));
            const result = await store.appendToStream(streams[s], batch, versions[s]);
            versions[s] = result.nextVersion;
            appended += batch.length;
          }
        }),
      ),
    );
    const last = sampleEvent();
    sentinel = last.eventId;
    await writers[0].appendToStream('org-sentinel', [last], 'no-stream');
    appended += 1;

    const [received, receivedOrgs] = await Promise.all([everything, orgsOnly]);
    const rebuilt = await readEverything(reader);
    expect(rebuilt).toHaveLength(appended);

    expect(received.map((e) => e.eventId)).toEqual(rebuilt.map((e) => e.eventId));
    expect(received.every((e, i) => i === 0 || e.globalPosition > received[i - 1].globalPosition)).toBe(true);
    expect(received.reduce(fold, new Map())).toEqual(rebuilt.reduce(fold, new Map()));
    expect(receivedOrgs.map((e) => e.eventId)).toEqual(rebuilt.filter((e) => e.streamId.startsWith('org-')).map((e) => e.eventId));

    // Read in the subscription's order, every stream is an unbroken chain.
    const verifiers = new Map<string, StreamChainVerifier>();
    for (const event of received) {
      const verifier = verifiers.get(event.streamId) ?? new StreamChainVerifier(event.streamId);
      verifiers.set(event.streamId, verifier);
      verifier.check(event);
    }
    expect([...verifiers.values()].filter((v) => v.firstBreak)).toEqual([]);
  });
});
