import { dropSchema, describeWithPostgres, uniqueSchemaName, withClient } from '../../../../test/helpers/postgres-test-database';
import { sampleEvent, sampleEvents } from '../contract/sample-events';
import { StoredEvent } from '../envelope';
import { ConcurrencyError, IdempotencyError } from '../errors';
import { StreamChainVerifier } from '../hash-chain';
import { MAX_ROWS_PER_STATEMENT } from './event-statements';
import { PostgresEventStore } from './postgres-event-store';
import { advisoryLockKey } from './schema-name';

function firstBreak(streamId: string, events: readonly StoredEvent[]) {
  const verifier = new StreamChainVerifier(streamId);
  for (const event of events) verifier.check(event);
  return verifier.firstBreak;
}

/** The ways an append leaves its one-statement path: remembered heads, long batches, the lock. */
describeWithPostgres('PostgreSQL appends in one statement', (url) => {
  let schema: string;
  let store: PostgresEventStore;
  let other: PostgresEventStore;

  beforeEach(async () => {
    schema = uniqueSchemaName();
    store = new PostgresEventStore({ connectionString: url, schema, maxConnections: 2 });
    other = new PostgresEventStore({ connectionString: url, schema, maxConnections: 2 });
    await store.ready();
  });

  afterEach(async () => {
    await Promise.all([store.close(), other.close()]);
    await dropSchema(url, schema);
  });

  it('refuses an append at a remembered head that another instance has moved on, writing nothing', async () => {
    await store.appendToStream('org-1', sampleEvents(2), 'no-stream');
    await other.appendToStream('org-1', [sampleEvent()], 2);

    const late = store.appendToStream('org-1', [sampleEvent()], 2);
    await expect(late).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(late).rejects.toMatchObject({ actualVersion: 3 });
    expect(await store.readStream('org-1')).toHaveLength(3);
  });

  it('does not trust a remembered head the database no longer holds: it chains from the stored one', async () => {
    await store.appendToStream('org-1', sampleEvents(2), 'no-stream');
    // The stream is replaced behind the store's back (a restore, say): same versions, other events.
    await withClient(url, (client) => client.query(`DELETE FROM "${schema}".events WHERE stream_id = 'org-1'`));
    const replacement = sampleEvents(2);
    await other.appendToStream('org-1', replacement, 'no-stream');

    const result = await store.appendToStream('org-1', [sampleEvent()], 2);
    expect(result.nextVersion).toBe(3);
    const stored = await other.readStream('org-1');
    expect(stored.slice(0, 2).map((e) => e.eventId)).toEqual(replacement.map((e) => e.eventId));
    expect(firstBreak('org-1', stored)).toBeUndefined();
  });

  it('writes a batch longer than one statement whole, in one chain, and acknowledges its replay', async () => {
    const batch = sampleEvents(MAX_ROWS_PER_STATEMENT * 2 + 5);
    const result = await store.appendToStream('org-big', batch, 'no-stream');
    expect(result).toMatchObject({ nextVersion: batch.length, alreadyStored: false });

    const stored = await other.readStream('org-big');
    expect(stored.map((e) => e.eventId)).toEqual(batch.map((e) => e.eventId));
    expect(firstBreak('org-big', stored)).toBeUndefined();
    expect(stored[stored.length - 1].globalPosition).toBe(result.lastPosition);
    expect(await other.appendToStream('org-big', batch, 'any')).toEqual({ ...result, alreadyStored: true });
  });

  it('rolls back every statement of a long batch whose last event id is already stored', async () => {
    const taken = sampleEvent();
    await store.appendToStream('org-2', [taken], 'no-stream');
    const batch = [...sampleEvents(MAX_ROWS_PER_STATEMENT + 10), taken];

    await expect(store.appendToStream('org-big', batch, 'no-stream')).rejects.toBeInstanceOf(IdempotencyError);
    expect(await other.streamVersion('org-big')).toBe(0);
    expect(await other.headPosition()).toBe(1n);
  });

  it('writes appends to one stream issued without waiting in call order', async () => {
    const batches = [sampleEvents(2), sampleEvents(1), sampleEvents(3)];
    const results = await Promise.all([
      store.appendToStream('org-1', batches[0], 'no-stream'),
      store.appendToStream('org-1', batches[1], 2),
      store.appendToStream('org-1', batches[2], 3),
    ]);
    expect(results.map((r) => r.nextVersion)).toEqual([2, 3, 6]);
    const stored = await other.readStream('org-1');
    expect(stored.map((e) => e.eventId)).toEqual(batches.flat().map((e) => e.eventId));
    expect(firstBreak('org-1', stored)).toBeUndefined();
  });

  it('draws no position while it waits for the append lock', async () => {
    await store.appendToStream('org-1', [sampleEvent()], 'no-stream');
    const key = advisoryLockKey('append', schema).toString();
    await withClient(url, async (holder) => {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1::bigint)', [key]);
      const pending = store.appendToStream('org-1', [sampleEvent()], 1);

      await withClient(url, async (observer) => {
        // Until the append is queued behind the lock (pg_locks splits a bigint key into two halves).
        for (;;) {
          const waiting = await observer.query(
            `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND classid::bigint = ($1::bigint >> 32) & 4294967295 AND objid::bigint = $1::bigint & 4294967295`,
            [key],
          );
          if (waiting.rowCount) break;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        const sequence = await observer.query<{ last_value: string }>(
          `SELECT last_value FROM "${schema}".events_global_position_seq`,
        );
        expect(sequence.rows[0].last_value).toBe('1');
      });

      await holder.query('COMMIT');
      await expect(pending).resolves.toMatchObject({ nextVersion: 2, lastPosition: 2n });
    });
  });
});
