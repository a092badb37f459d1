import { Pool } from 'pg';
import { dropSchema, describeWithPostgres, uniqueSchemaName, withClient } from '../../../../test/helpers/postgres-test-database';
import { collect } from '../contract/contract-context';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { sampleEvent, sampleEvents } from '../contract/sample-events';
import { canonicalJson } from '../canonical-json';
import { StoredEvent } from '../envelope';
import { hashOf, StreamChainVerifier } from '../hash-chain';
import { openEventStore } from '../open-event-store';
import { PostgresEventStore } from './postgres-event-store';

describeWithPostgres('PostgreSQL event store', (url) => {
  describeEventStoreContract('postgres', async () => {
    const schema = uniqueSchemaName();
    const open = () => new PostgresEventStore({ connectionString: url, schema, maxConnections: 4 });
    const store = open();
    await store.ready();
    return {
      store,
      openAnother: async () => open(),
      cleanup: async () => {
        await store.close();
        await dropSchema(url, schema);
      },
    };
  });

  describe('PostgresEventStore (PostgreSQL only)', () => {
    let schema: string;
    let store: PostgresEventStore;

    beforeEach(async () => {
      schema = uniqueSchemaName();
      store = new PostgresEventStore({ connectionString: url, schema, maxConnections: 4 });
      await store.ready();
    });

    afterEach(async () => {
      await store.close();
      await dropSchema(url, schema);
    });

    function firstBreak(streamId: string, events: readonly StoredEvent[]) {
      const verifier = new StreamChainVerifier(streamId);
      for (const event of events) verifier.check(event);
      return verifier.firstBreak;
    }

    it('stores data and metadata as the exact canonical JSON text that was hashed', async () => {
      const event = sampleEvent({ data: { z: 1, a: { y: [1.5, '党建'], b: null }, big: 12345678901234 } });
      await store.appendToStream('org-1', [event], 'no-stream');

      const row = await withClient(url, async (client) =>
        (await client.query<{ data: string; metadata: string }>(`SELECT data, metadata FROM "${schema}".events`)).rows[0],
      );
      expect(row.data).toBe(canonicalJson(event.data));
      expect(row.metadata).toBe(canonicalJson(event.metadata));
    });

    it('names an edited data column by stream and version', async () => {
      await store.appendToStream('org-branch-1', sampleEvents(3), 'no-stream');
      await withClient(url, (client) =>
        client.query(
          `UPDATE "${schema}".events SET data = jsonb_set(data::jsonb, '{title}', '"伪造的会议"')::text
           WHERE stream_id = 'org-branch-1' AND stream_version = 2`,
        ),
      );

      const tampered = await store.readStream('org-branch-1');
      expect((tampered[1].data as { title: string }).title).toBe('伪造的会议');
      expect(firstBreak('org-branch-1', tampered)).toMatchObject({ streamVersion: 2, reason: 'hash-mismatch' });
    });

    it('refuses a second event at a taken version at the database level, whoever writes it', async () => {
      await store.appendToStream('org-1', [sampleEvent()], 'no-stream');
      const intruder = withClient(url, (client) =>
        client.query(
          `INSERT INTO "${schema}".events (event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash)
           VALUES ('intruder', 'org-1', 1, 'X', 1, '{}', '{}', '', '')`,
        ),
      );
      await expect(intruder).rejects.toMatchObject({ code: '23505', constraint: 'events_stream_version_key' });
    });

    it('keeps global positions beyond 2^53 exact', async () => {
      await store.appendToStream('org-1', [sampleEvent()], 'no-stream');
      const big = 2n ** 60n;
      await withClient(url, (client) =>
        client.query(`SELECT setval(pg_get_serial_sequence('"${schema}".events', 'global_position'), $1::bigint)`, [big.toString()]),
      );

      const result = await store.appendToStream('org-1', sampleEvents(2), 1);
      expect(result.lastPosition).toBe(big + 2n);
      expect(await store.headPosition()).toBe(big + 2n);
      const after = await store.readAll({ fromPosition: big });
      expect(after.map((e) => e.globalPosition)).toEqual([big + 1n, big + 2n]);
      const empty = await store.appendToStream('org-1', [], 3);
      expect(empty.lastPosition).toBe(big + 2n);
    });

    it('stores values that are not plain JSON so that they still re-hash to the stored hash', async () => {
      class Place {
        constructor(readonly room: string) {}
      }
      const event = sampleEvent({ data: { at: new Date('2024-03-15T00:00:00Z'), place: new Place('三楼'), skip: undefined, lone: '\ud800' } });
      await store.appendToStream('org-1', [event], 'no-stream');

      const [stored] = await store.readStream('org-1');
      expect(hashOf(stored)).toBe(stored.hash);
      expect(stored.data).toEqual(JSON.parse(canonicalJson(event.data)));
      expect((stored.data as { lone: string }).lone).toBe('\ud800');
    });

    it('refuses malformed calls before touching the database', async () => {
      await expect(store.appendToStream('', [sampleEvent()], 'any')).rejects.toThrow(TypeError);
      await expect(store.appendToStream('org-1', [sampleEvent()], -1)).rejects.toThrow(RangeError);
      await expect(store.appendToStream('org-1', [sampleEvent({ eventId: '' })], 'any')).rejects.toThrow(TypeError);
      await expect(store.appendToStream('org-1', [sampleEvent({ data: undefined })], 'any')).rejects.toThrow(TypeError);
      expect(await store.headPosition()).toBe(0n);
      await expect(store.readAll({ maxCount: -1 })).rejects.toThrow(RangeError);
      await expect(store.readStream('org-1', { maxCount: 1.5 })).rejects.toThrow(RangeError);
    });

    it('close() lets appends already asked for commit, and refuses calls after it', async () => {
      const pending = store.appendToStream('late', [sampleEvent()], 'no-stream');
      await store.close();
      await expect(pending).resolves.toMatchObject({ nextVersion: 1 });
      await expect(store.headPosition()).rejects.toThrow(/closed/);

      store = new PostgresEventStore({ connectionString: url, schema });
      expect(await store.streamVersion('late')).toBe(1);
    });

    it('close() also ends the subscriptions still open on the store', async () => {
      const subscription = store.subscribeToAll({ pollIntervalMs: 10 });
      const collector = collect(subscription);
      await store.appendToStream('org-1', [sampleEvent()], 'no-stream');
      await collector.until(1);

      await store.close();
      await collector.done;
      expect(collector.received).toHaveLength(1);
    });

    it('uses a pool it is given without ending it, and keeps schemas of one database apart', async () => {
      const otherSchema = uniqueSchemaName();
      const pool = new Pool({ connectionString: url, max: 2 });
      try {
        const other = new PostgresEventStore({ pool, schema: otherSchema });
        // Same pool for both schemas: the prepared statements of one must not serve the other.
        const mine = new PostgresEventStore({ pool, schema });
        await other.appendToStream('org-1', sampleEvents(2), 'no-stream');
        await mine.appendToStream('org-1', [sampleEvent()], 'no-stream');
        expect(await other.streamVersion('org-1')).toBe(2);
        expect(await mine.streamVersion('org-1')).toBe(1);
        await other.close();
        await mine.close();
        expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      } finally {
        await pool.end();
        await dropSchema(url, otherSchema);
      }
    });

    it("with migrate: false refuses a schema that 'taizhang init' has not created", async () => {
      const absent = uniqueSchemaName();
      const unmigrated = new PostgresEventStore({ connectionString: url, schema: absent, migrate: false });
      try {
        await expect(unmigrated.headPosition()).rejects.toThrow(/taizhang init/);
        const exists = await withClient(url, (client) => client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [absent]));
        expect(exists.rowCount).toBe(0);
      } finally {
        await unmigrated.close();
      }
      // The already migrated schema opens without migrating.
      const current = new PostgresEventStore({ connectionString: url, schema, migrate: false });
      try {
        expect(await current.headPosition()).toBe(0n);
      } finally {
        await current.close();
      }
    });
  });

  describe('openEventStore with a PostgreSQL URL', () => {
    it.each(['postgres', 'postgresql'])('opens %s://… in the schema the URL names, migrated', async (scheme) => {
      const schema = uniqueSchemaName();
      const store = await openEventStore(`${url.replace(/^postgres(ql)?:/, `${scheme}:`)}?schema=${schema}`);
      try {
        expect(store).toBeInstanceOf(PostgresEventStore);
        expect((store as PostgresEventStore).schema).toBe(schema);
        await store.appendToStream('org-1', [sampleEvent()], 'no-stream');
        const count = await withClient(url, (client) => client.query(`SELECT count(*)::int AS n FROM "${schema}".events`));
        expect(count.rows).toEqual([{ n: 1 }]);
      } finally {
        await store.close();
        await dropSchema(url, schema);
      }
    });

    it('fails on a wrong password without repeating it', async () => {
      const parsed = new URL(url);
      parsed.password = 'wrong-Secret-42';
      const error = await openEventStore(parsed.toString()).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(String((error as Error).message)).not.toContain('wrong-Secret-42');
      expect(String((error as Error).stack)).not.toContain('wrong-Secret-42');
    });
  });
});
