import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { collect } from '../contract/contract-context';
import { sampleEvent, sampleEvents } from '../contract/sample-events';
import { StoredEvent } from '../envelope';
import { hashOf, StreamChainVerifier } from '../hash-chain';
import { SCHEMA_VERSION } from './schema';
import { SqliteEventStore } from './sqlite-event-store';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'taizhang-sqlite-'));
}

describeEventStoreContract('sqlite', async () => {
  const dir = tempDir();
  const filePath = join(dir, 'events.db');
  const store = new SqliteEventStore(filePath);
  return {
    store,
    openAnother: async () => new SqliteEventStore(filePath),
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteEventStore (SQLite only)', () => {
  let dir: string;
  let filePath: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = tempDir();
    filePath = join(dir, 'events.db');
    store = new SqliteEventStore(filePath);
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A second, plain connection, as an intruder (or a read model) would open the file. */
  function rawConnection(): Database.Database {
    return new Database(filePath);
  }

  function firstBreak(streamId: string, events: readonly StoredEvent[]) {
    const verifier = new StreamChainVerifier(streamId);
    for (const event of events) verifier.check(event);
    return verifier.firstBreak;
  }

  describe('tampering with stored rows', () => {
    let events: StoredEvent[];

    beforeEach(async () => {
      await store.appendToStream('org-branch-1', sampleEvents(4), 'no-stream');
      events = await store.readStream('org-branch-1');
      expect(firstBreak('org-branch-1', events)).toBeUndefined();
    });

    it('an edited data column is named by stream and version', async () => {
      const db = rawConnection();
      db.prepare(`UPDATE events SET data = json_set(data, '$.title', '伪造的会议') WHERE stream_id = ? AND stream_version = 2`).run(
        'org-branch-1',
      );
      db.close();

      const tampered = await store.readStream('org-branch-1');
      expect((tampered[1].data as { title: string }).title).toBe('伪造的会议');
      expect(firstBreak('org-branch-1', tampered)).toEqual({
        streamId: 'org-branch-1',
        streamVersion: 2,
        eventId: events[1].eventId,
        reason: 'hash-mismatch',
      });
    });

    it('an edit that also rewrites the row hash breaks the link from the next event', async () => {
      const forged = { ...events[1], data: { title: '伪造的会议' } };
      const forgedHash = hashOf(forged);
      const db = rawConnection();
      db.prepare('UPDATE events SET data = ?, hash = ? WHERE event_id = ?').run(JSON.stringify(forged.data), forgedHash, forged.eventId);
      db.close();

      expect(firstBreak('org-branch-1', await store.readStream('org-branch-1'))).toMatchObject({
        streamVersion: 3,
        reason: 'prev-hash-mismatch',
      });
    });

    it('a deleted row shows as a version gap', async () => {
      const db = rawConnection();
      db.prepare('DELETE FROM events WHERE event_id = ?').run(events[2].eventId);
      db.close();

      expect(firstBreak('org-branch-1', await store.readStream('org-branch-1'))).toMatchObject({
        streamVersion: 4,
        reason: 'version-gap',
      });
    });
  });

  describe('the file', () => {
    it('exposes its path, uses WAL and stamps the schema version', () => {
      expect(store.filePath).toBe(filePath);
      const db = rawConnection();
      try {
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      } finally {
        db.close();
      }
    });

    it('reopens with its events, chains continuing where they stopped', async () => {
      await store.appendToStream('org-1', sampleEvents(2), 'no-stream');
      await store.close();

      store = new SqliteEventStore(filePath);
      await store.appendToStream('org-1', [sampleEvent()], 2);
      const events = await store.readStream('org-1');
      expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
      expect(firstBreak('org-1', events)).toBeUndefined();
    });

    it('refuses a file written by a newer schema version', () => {
      const db = rawConnection();
      db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      db.close();

      expect(() => new SqliteEventStore(filePath)).toThrow(/schema version/);
    });
  });

  it('commits concurrent appends together, failing only the one that conflicts (group commit)', async () => {
    const results = await Promise.allSettled([
      ...Array.from({ length: 20 }, (_, i) => store.appendToStream(`s-${i}`, [sampleEvent()], 'no-stream')),
      store.appendToStream('shared', [sampleEvent()], 'no-stream'),
      store.appendToStream('shared', [sampleEvent()], 'no-stream'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(21);
    const [refused] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.reason).toMatchObject({ name: 'ConcurrencyError' });
    expect(await store.headPosition()).toBe(21n);
    // Each append got its own place, in the order asked.
    const positions = results.slice(0, 20).map((r) => (r as PromiseFulfilledResult<{ lastPosition: bigint }>).value.lastPosition);
    expect(positions).toEqual(Array.from({ length: 20 }, (_, i) => BigInt(i + 1)));
    const db = rawConnection();
    expect(db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 21 });
    db.close();
  });

  it('close() commits appends already asked for instead of dropping them', async () => {
    const pending = store.appendToStream('late', [sampleEvent()], 'no-stream');
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextVersion: 1 });
    store = new SqliteEventStore(filePath);
    expect(await store.streamVersion('late')).toBe(1);
  });

  it('keeps global positions beyond 2^53 exact', async () => {
    await store.appendToStream('org-1', [sampleEvent()], 'no-stream');
    const big = 2n ** 60n;
    const db = rawConnection();
    db.prepare(`UPDATE sqlite_sequence SET seq = ? WHERE name = 'events'`).run(big);
    db.close();

    const result = await store.appendToStream('org-1', sampleEvents(2), 1);
    expect(result.lastPosition).toBe(big + 2n);
    expect(await store.headPosition()).toBe(big + 2n);
    const after = await store.readAll({ fromPosition: big });
    expect(after.map((e) => e.globalPosition)).toEqual([big + 1n, big + 2n]);
  });

  it('stores values that are not plain JSON so that they still re-hash to the stored hash', async () => {
    class Place {
      constructor(readonly room: string) {}
    }
    const event = sampleEvent({ data: { at: new Date('2024-03-15T00:00:00Z'), place: new Place('三楼'), skip: undefined } });
    await store.appendToStream('org-1', [event], 'no-stream');

    const [stored] = await store.readStream('org-1');
    expect(hashOf(stored)).toBe(stored.hash);
  });

  it('refuses malformed calls before touching the file', async () => {
    await expect(store.appendToStream('', [sampleEvent()], 'any')).rejects.toThrow(TypeError);
    await expect(store.appendToStream('org-1', [sampleEvent()], -1)).rejects.toThrow(RangeError);
    await expect(store.appendToStream('org-1', [sampleEvent({ eventId: '' })], 'any')).rejects.toThrow(TypeError);
    await expect(store.appendToStream('org-1', [sampleEvent({ data: undefined })], 'any')).rejects.toThrow(TypeError);
    expect(await store.headPosition()).toBe(0n);
    await expect(store.readAll({ maxCount: -1 })).rejects.toThrow(RangeError);
    await expect(store.readStream('org-1', { maxCount: 1.5 })).rejects.toThrow(RangeError);
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
});
