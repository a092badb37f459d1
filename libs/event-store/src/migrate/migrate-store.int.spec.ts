import Database from 'better-sqlite3';
import { GENESIS_HASH } from '../envelope';
import { sampleEvent } from '../contract/sample-events';
import { migrateStore } from './migrate-store';
import { MigrationAbortedError, MigrationError } from './migration-error';
import { firstHeadDifference, verifyStoreChains } from './store-chains';
import { appendSampleLedger, OpenedStore, postgresKind, readEverything, sqliteKind, StoreKind, withoutPosition } from './migrate-fixtures.spec-helper';

/** The error a promise rejects with; fails the test when it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal, but the call succeeded');
}

const postgres = postgresKind();
const pairs: [StoreKind, StoreKind][] = [[sqliteKind, sqliteKind]];
if ('unavailable' in postgres) {
  process.stderr.write(`\n⚠ migration tests against PostgreSQL SKIPPED: ${postgres.unavailable}\n\n`);
} else {
  pairs.push([sqliteKind, postgres], [postgres, sqliteKind]);
}

describe.each(pairs.map(([from, to]) => [from.name, to.name, from, to] as const))('migrateStore %s → %s', (_from, _to, fromKind, toKind) => {
  let source: OpenedStore;
  let ledgerSize: number;
  const targets: OpenedStore[] = [];
  const newTarget = async () => {
    const t = await toKind.open();
    targets.push(t);
    return t;
  };

  beforeAll(async () => {
    source = await fromKind.open();
    ledgerSize = await appendSampleLedger(source.store);
  });

  afterAll(async () => {
    for (const t of targets) await t.dispose();
    await source.dispose();
  });

  it('copies every stream with the same ids, versions, content, recording times and hashes, in the same order', async () => {
    const target = await newTarget();
    const result = await migrateStore(source.store, target.store, { pageSize: 4 });
    expect(result).toMatchObject({ copied: ledgerSize, skipped: 0, streams: 5 });
    expect(result.lastPosition).toBe(await source.store.headPosition());

    const before = await readEverything(source.store);
    const after = await readEverything(target.store);
    expect(after).toHaveLength(ledgerSize);
    // Positions are the target's own (not hashed); everything else is identical, event by event.
    expect(after.map(withoutPosition)).toEqual(before.map(withoutPosition));
    expect(after.map((e) => e.metadata.recordedAt)).toEqual(before.map((e) => e.metadata.recordedAt));

    const chains = await verifyStoreChains(target.store);
    expect(chains).toMatchObject({ ok: true, streams: 5, events: ledgerSize });
    expect(firstHeadDifference((await verifyStoreChains(source.store)).heads, chains.heads)).toBeUndefined();
  });

  it('copies nothing on a second run, and only what is new after the source grew', async () => {
    const target = await newTarget();
    await migrateStore(source.store, target.store);
    const progress: [number, number][] = [];
    const again = await migrateStore(source.store, target.store, { pageSize: 5, onProgress: (d, t) => progress.push([d, t]) });
    expect(again).toMatchObject({ copied: 0, skipped: ledgerSize, streams: 5 });
    expect(progress[progress.length - 1]).toEqual([ledgerSize, ledgerSize]);
    expect(await readEverything(target.store)).toHaveLength(ledgerSize);

    // A source that went on after the copy: a re-run brings the target up to date.
    const extra = await openExtraSource();
    const grown = await migrateStore(extra.store, target.store, { pageSize: 3 });
    expect(grown).toMatchObject({ copied: 2, skipped: ledgerSize });
    expect((await readEverything(target.store)).map(withoutPosition)).toEqual((await readEverything(extra.store)).map(withoutPosition));
  });

  it('resumes an interrupted copy (aborted by its signal) and completes it with nothing copied twice', async () => {
    const target = await newTarget();
    const abort = new AbortController();
    let pages = 0;
    const stopped = await rejectionOf(
      migrateStore(source.store, target.store, {
        pageSize: 3,
        signal: abort.signal,
        onProgress: () => {
          pages += 1;
          if (pages === 2) abort.abort();
        },
      }),
    );
    expect(stopped).toBeInstanceOf(MigrationAbortedError);
    const { copied } = (stopped as MigrationAbortedError).progress;
    expect(copied).toBe(6);
    expect(await readEverything(target.store)).toHaveLength(6);

    const resumed = await migrateStore(source.store, target.store, { pageSize: 3 });
    expect(resumed).toMatchObject({ copied: ledgerSize - 6, skipped: 6 });
    expect((await readEverything(target.store)).map(withoutPosition)).toEqual((await readEverything(source.store)).map(withoutPosition));
  });

  it('resumes after a progress callback fails mid-way', async () => {
    const target = await newTarget();
    let calls = 0;
    const failure = await rejectionOf(
      migrateStore(source.store, target.store, {
        pageSize: 4,
        onProgress: () => {
          calls += 1;
          if (calls === 3) throw new Error('terminal went away');
        },
      }),
    );
    expect((failure as Error).message).toBe('terminal went away');
    const partial = (await readEverything(target.store)).length;
    expect(partial).toBe(12);
    const resumed = await migrateStore(source.store, target.store, { pageSize: 7 });
    expect(resumed.copied + resumed.skipped).toBe(ledgerSize);
    expect(resumed.skipped).toBe(12);
    expect((await verifyStoreChains(target.store)).events).toBe(ledgerSize);
  });

  it('refuses a target whose stream holds other events at the same versions, naming the stream, and writes nothing', async () => {
    const target = await newTarget();
    await target.store.appendToStream('org-b1', [sampleEvent({ type: 'OrganizationRegistered' })], 'no-stream');
    const refused = await rejectionOf(migrateStore(source.store, target.store));
    expect(refused).toBeInstanceOf(MigrationError);
    expect(refused).toMatchObject({ kind: 'diverged', streamId: 'org-b1', streamVersion: 1 });
    expect((refused as MigrationError).messageZh).toContain('org-b1');
    expect(await readEverything(target.store)).toHaveLength(1);
  });

  it('refuses a target holding a stream the source does not have', async () => {
    const target = await newTarget();
    await target.store.appendToStream('org-elsewhere', [sampleEvent()], 'no-stream');
    const refused = await rejectionOf(migrateStore(source.store, target.store));
    expect(refused).toMatchObject({ kind: 'target-has-extra-events', streamId: 'org-elsewhere' });
    expect(await readEverything(target.store)).toHaveLength(1);
  });

  it('refuses a target whose stream went on beyond the source', async () => {
    const target = await newTarget();
    await migrateStore(source.store, target.store);
    const version = await target.store.streamVersion('org-b2');
    await target.store.appendToStream('org-b2', [sampleEvent()], version);
    const refused = await rejectionOf(migrateStore(source.store, target.store));
    expect(refused).toMatchObject({ kind: 'target-has-extra-events', streamId: 'org-b2', streamVersion: version + 1 });
  });

  if (fromKind === sqliteKind) {
    it('stops at a source event edited behind the ledger, naming it, before writing it to the target', async () => {
      const edited = await fromKind.open();
      const target = await newTarget();
      try {
        await appendSampleLedger(edited.store);
        const [victim] = await edited.store.readStream('org-b2', { fromVersion: 4, maxCount: 1 });
        const db = new Database(edited.sqliteFile as string);
        db.prepare("UPDATE events SET data = json_set(data, '$.activity.title', '事后篡改') WHERE event_id = ?").run(victim.eventId);
        db.close();

        const refused = await rejectionOf(migrateStore(edited.store, target.store));
        expect(refused).toMatchObject({ kind: 'source-corrupt', streamId: 'org-b2', streamVersion: 4, eventId: victim.eventId });
        expect(await target.store.streamVersion('org-b2')).toBe(3);
        const everything = await readEverything(target.store);
        expect(everything.some((e) => e.eventId === victim.eventId)).toBe(false);
        expect(everything.length).toBeGreaterThan(0);
      } finally {
        await edited.dispose();
      }
    });
  }

  if (toKind === sqliteKind) {
    it('refuses to continue into a target whose stored events were edited since the interrupted run', async () => {
      const target = await newTarget();
      const abort = new AbortController();
      await rejectionOf(migrateStore(source.store, target.store, { pageSize: 5, signal: abort.signal, onProgress: () => abort.abort() }));
      const [victim] = await target.store.readStream('org-b1', { fromVersion: 2, maxCount: 1 });
      const db = new Database(target.sqliteFile as string);
      db.prepare("UPDATE events SET data = json_set(data, '$.name', '改名') WHERE event_id = ?").run(victim.eventId);
      db.close();
      const refused = await rejectionOf(migrateStore(source.store, target.store));
      expect(refused).toMatchObject({ kind: 'target-corrupt', streamId: 'org-b1', streamVersion: 2, eventId: victim.eventId });
      expect(await readEverything(target.store)).toHaveLength(5);
    });
  }

  /** A fresh source of the same kind holding the sample ledger plus two later events. */
  async function openExtraSource(): Promise<OpenedStore> {
    const extra = await fromKind.open();
    targets.push(extra);
    for (const e of await readEverything(source.store)) {
      await extra.store.appendToStream(e.streamId, [{ eventId: e.eventId, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata }], e.streamVersion - 1);
    }
    const b1 = await extra.store.streamVersion('org-b1');
    await extra.store.appendToStream('org-b1', [sampleEvent(), sampleEvent()], b1);
    return extra;
  }
});

describe('verifyStoreChains', () => {
  it('names the first event whose content no longer matches its hash', async () => {
    const opened = await sqliteKind.open();
    try {
      await appendSampleLedger(opened.store);
      const clean = await verifyStoreChains(opened.store, { pageSize: 5 });
      expect(clean.ok).toBe(true);
      expect(clean.heads.get('org-c1')?.version).toBe(3);
      expect(clean.heads.get('org-c1')?.hash).not.toBe(GENESIS_HASH);
      const [victim] = await opened.store.readStream('org-b1', { fromVersion: 5, maxCount: 1 });
      const db = new Database(opened.sqliteFile as string);
      db.prepare("UPDATE events SET metadata = json_set(metadata, '$.actor', 'intruder') WHERE event_id = ?").run(victim.eventId);
      db.close();
      const broken = await verifyStoreChains(opened.store, { pageSize: 5 });
      expect(broken.ok).toBe(false);
      expect(broken.firstBreak).toEqual({ streamId: 'org-b1', streamVersion: 5, eventId: victim.eventId, reason: 'hash-mismatch' });
      expect(broken.heads.get('org-b1')?.version).toBe(4);
    } finally {
      await opened.dispose();
    }
  });
});
