import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../event-store/src/sqlite/sqlite-event-store';
import { registerUpcaster } from '../../event-store/src/upcasters';
import { replayLedger } from './as-of';
import { details, ev } from './ledger-events.spec-helper';
import { appendAll, scenario, snapshotOf } from './ledger-snapshot.spec-helper';
import { openReadModel, ReadModel, ReadModelOptions } from './sqlite/open-read-model';
import { RebuildSupersededError } from './sqlite/rebuild-errors';

describe('ProjectionRunner over SQLite', () => {
  let dir: string;
  /** Appends as another process would: its own connection, no read model attached. */
  let store: SqliteEventStore;
  const opened: ReadModel[] = [];
  const readerStores: SqliteEventStore[] = [];
  /** A read model on a connection of its own, as each process has. */
  const open = (batchSize?: number, options: ReadModelOptions = {}) => {
    const own = new SqliteEventStore(store.filePath);
    readerStores.push(own);
    const rm = openReadModel(own, { batchSize, rebuildPageSize: 5, ...options });
    opened.push(rm);
    return rm;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-rm-'));
    store = new SqliteEventStore(join(dir, 'ledger.db'));
  });

  afterEach(async () => {
    for (const rm of opened.splice(0)) rm.close();
    for (const own of readerStores.splice(0)) await own.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches up to exactly what an in-memory replay of the store says', async () => {
    const total = await appendAll(store, [...scenario(0), ...scenario(1)]);
    const rm = open();
    const result = await rm.runner.catchUp();
    expect(result).toEqual({ applied: total, position: await store.headPosition() });
    const live = await snapshotOf(rm.view);
    expect(live).toEqual(await snapshotOf(await replayLedger(store)));
    // The scenario's facts, so an empty-on-both-sides comparison cannot pass.
    expect(live.activities).toHaveLength(6);
    expect(live.liveActivities).toHaveLength(4);
    expect(live.membersByOrg[live.orgs.findIndex((o) => o.id === 'b2-0')].map((m) => m.id)).toEqual(['m2-0', 'm3-0']);
    // Reports newest first; the one recorded twice keeps its first recording.
    expect(live.reports.map((r) => [r.reportId, r.orgId, r.template])).toEqual([
      ['rc-1', 'c-1', 'branch-secretary'],
      ['rb1-1', 'b1-1', 'branch-secretary'],
      ['rc-0', 'c-0', 'branch-secretary'],
      ['rb1-0', 'b1-0', 'branch-secretary'],
    ]);
  });

  it("folds this process's own appends inside the append transaction, and leaves others' to catch-up", async () => {
    const own = new SqliteEventStore(store.filePath);
    readerStores.push(own);
    const rm = openReadModel(own);
    opened.push(rm);
    await appendAll(own, scenario(0));
    // Already folded: the checkpoint is the head and a catch-up has nothing to do.
    expect(await rm.view.position()).toBe(await own.headPosition());
    expect(await rm.runner.catchUp()).toEqual({ applied: 0, position: await own.headPosition() });
    // Another process appends; our next append finds the read model behind and must not skip theirs.
    const theirs = await appendAll(store, scenario(1));
    const ours = await appendAll(own, scenario(2));
    expect((await rm.runner.catchUp()).applied).toBe(theirs + ours);
    expect(await snapshotOf(rm.view)).toEqual(await snapshotOf(await replayLedger(store)));
  });

  it('keeps each org at the version of its stream, for expected-version appends', async () => {
    await appendAll(store, scenario(0));
    const rm = open();
    await rm.runner.catchUp();
    for (const org of await rm.view.listOrgs()) expect(org.streamVersion).toBe(await store.streamVersion(`org-${org.id}`));
  });

  it('is idempotent: a second catch-up applies nothing and changes nothing', async () => {
    await appendAll(store, scenario(0));
    const rm = open();
    await rm.runner.catchUp();
    const before = await snapshotOf(rm.view);
    expect(await rm.runner.catchUp()).toEqual({ applied: 0, position: before.position });
    expect(await snapshotOf(rm.view)).toEqual(before);
    // A fresh connection on the same file starts from the committed checkpoint, not from zero.
    expect((await open().runner.catchUp()).applied).toBe(0);
  });

  it('applies only what is new, page by page, to the same result as one big catch-up', async () => {
    const rm = open(3);
    await appendAll(store, scenario(0));
    await rm.runner.catchUp();
    const added = await appendAll(store, scenario(1));
    expect((await rm.runner.catchUp()).applied).toBe(added);
    expect(await snapshotOf(rm.view)).toEqual(await snapshotOf(await replayLedger(store)));
  });

  it('never applies an event twice when two runners on two connections catch up at once', async () => {
    const a = open(2);
    const b = open(3);
    let appended = 0;
    let appliedA = 0;
    let appliedB = 0;
    for (let round = 0; round < 4; round++) {
      appended += await appendAll(store, scenario(round));
      const [ra, rb] = await Promise.all([a.runner.catchUp(), b.runner.catchUp()]);
      appliedA += ra.applied;
      appliedB += rb.applied;
    }
    expect(appliedA + appliedB).toBe(appended);
    // Both really took part, so the interleaving was exercised.
    expect(appliedA).toBeGreaterThan(0);
    expect(appliedB).toBeGreaterThan(0);
    const expected = await snapshotOf(await replayLedger(store));
    expect(await snapshotOf(a.view)).toEqual(expected);
    expect(await snapshotOf(b.view)).toEqual(expected);
  });

  it('does not trust its document cache after another runner moved the checkpoint', async () => {
    await appendAll(store, scenario(0));
    const a = open();
    const b = open();
    await a.runner.catchUp(); // a now caches org b1-0
    await store.appendToStream('org-b1-0', [ev.orgRenamed('b1-0', '改名支部', '支部b1-0')], 'any');
    await b.runner.catchUp();
    await store.appendToStream('org-b1-0', [ev.activityLogged('late', 'b1-0', details({ date: '2024-05-01' }))], 'any');
    await a.runner.catchUp();
    expect(await a.view.getOrg('b1-0')).toMatchObject({ name: '改名支部', streamVersion: await store.streamVersion('org-b1-0') });
  });

  it('rebuilds to the same state as live catch-up, reporting progress', async () => {
    const rm = open(4);
    await appendAll(store, scenario(0));
    await rm.runner.catchUp();
    await appendAll(store, scenario(1));
    await rm.runner.catchUp();
    const live = await snapshotOf(rm.view);
    const progress: number[] = [];
    const result = await rm.runner.rebuild((done, total) => {
      progress.push(done);
      expect(total).toBe(live.position);
    });
    expect(result.applied).toBe(Number(live.position));
    expect(progress[progress.length - 1]).toBe(Number(live.position));
    expect(progress.length).toBeGreaterThan(1);
    expect(await snapshotOf(rm.view)).toEqual(live);
    // And it goes on from there.
    await appendAll(store, scenario(2));
    await rm.runner.catchUp();
    expect(await snapshotOf(rm.view)).toEqual(await snapshotOf(await replayLedger(store)));
  });

  it('commits nothing of a page that fails midway: neither documents nor checkpoint', async () => {
    registerUpcaster('Poison', 1, () => {
      throw new Error('cannot read this event');
    });
    const rm = open();
    await appendAll(store, scenario(0));
    await rm.runner.catchUp();
    const before = await snapshotOf(rm.view);
    await store.appendToStream('org-b2-0', [ev.activityLogged('ok', 'b2-0', details({ date: '2024-06-01' }))], 'any');
    await store.appendToStream('org-b2-0', [{ ...ev.orgRenamed('b2-0', 'x', 'y'), type: 'Poison' }], 'any');
    await expect(rm.runner.catchUp()).rejects.toThrow('cannot read this event');
    expect(await snapshotOf(rm.view)).toEqual(before);
    expect(await rm.view.getActivity('ok')).toBeUndefined();
  });

  it('keeps its tables beside the events in the same file', async () => {
    await appendAll(store, scenario(0));
    const rm = open();
    await rm.runner.catchUp();
    const db = new Database(store.filePath, { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['events', 'rm_account', 'rm_activity', 'rm_checkpoint', 'rm_member', 'rm_member_org', 'rm_org', 'rm_report']));
      expect(db.prepare('SELECT username FROM rm_account ORDER BY username').pluck().all()).toEqual(['audit-0', 'wang-0']);
      expect(db.prepare('SELECT id, org_id, year, position FROM rm_report ORDER BY position').raw().all()).toEqual([
        ['rb1-0', 'b1-0', 2024, expect.any(Number)],
        ['rc-0', 'c-0', 2024, expect.any(Number)],
      ]);
      expect(db.prepare("SELECT position FROM rm_checkpoint WHERE name = 'ledger'").pluck().get()).toBe(Number(await store.headPosition()));
      expect(db.prepare('SELECT count(*) FROM rm_activity WHERE voided = 1').pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });

  it('stores an activity never corrected or voided by reference to its event, the others in full', async () => {
    await appendAll(store, scenario(0));
    const rm = open();
    await rm.runner.catchUp();
    const db = new Database(store.filePath, { readonly: true });
    try {
      const rows = db.prepare('SELECT id, doc IS NULL AS byReference FROM rm_activity ORDER BY id').all();
      expect(rows).toEqual([
        { id: 'a1-0', byReference: 0 },
        { id: 'a2-0', byReference: 1 },
        { id: 'a3-0', byReference: 0 },
      ]);
    } finally {
      db.close();
    }
    expect((await rm.view.getActivity('a2-0'))?.revisions).toHaveLength(1);
  });

  it.each([
    ['on a later page', 2],
    ['on the same page', 1000],
  ])('rebuilds exactly even when an activity id was logged twice (%s)', async (_, rebuildPageSize) => {
    await appendAll(store, scenario(0));
    // A correction, then a second ActivityLogged for the same id: the second starts the doc afresh.
    await store.appendToStream('org-b1-0', [ev.activityLogged('a1-0', 'b1-0', details({ date: '2024-07-01', title: '重复登记' }))], 'any');
    const rm = open(undefined, { rebuildPageSize });
    await rm.runner.catchUp();
    const live = await snapshotOf(rm.view);
    expect((await rm.view.getActivity('a1-0'))?.revisions.map((r) => r.type)).toEqual(['ActivityLogged']);
    await rm.runner.rebuild();
    expect(await snapshotOf(rm.view)).toEqual(live);
    expect(live).toEqual(await snapshotOf(await replayLedger(store)));
  });

  it('keeps the live tables serving and catching up while a rebuild runs, then swaps the rebuilt ones in', async () => {
    await appendAll(store, scenario(0));
    const a = open();
    const b = open();
    await a.runner.catchUp();
    let during: Promise<void> | undefined;
    const rebuilt = a.runner.rebuild((done) => {
      if (done !== 5) return;
      during = (async () => {
        await appendAll(store, scenario(1));
        expect((await b.runner.catchUp()).applied).toBeGreaterThan(0);
        expect(await b.view.getOrg('c-1')).toBeDefined();
      })();
    });
    await rebuilt;
    await during;
    expect(during).toBeDefined();
    // The rebuild stopped at the head it started from; catching up folds what came after.
    await a.runner.catchUp();
    const expected = await snapshotOf(await replayLedger(store));
    expect(await snapshotOf(a.view)).toEqual(expected);
    expect(await snapshotOf(b.view)).toEqual(expected);
  });

  it('runs a catch-up from an empty read model as a bulk rebuild when there is much to fold', async () => {
    await appendAll(store, [...scenario(0), ...scenario(1)]);
    const rm = open(undefined, { bulkCatchUpThreshold: 10 });
    const result = await rm.runner.catchUp();
    expect(result.position).toBe(await store.headPosition());
    expect(await snapshotOf(rm.view)).toEqual(await snapshotOf(await replayLedger(store)));
    const db = new Database(store.filePath, { readonly: true });
    try {
      const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'rm_activity'").pluck().all() as string[];
      expect(indexes.every((name) => name.startsWith('rm_next_activity_'))).toBe(true);
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'rm_next_%' AND type = 'table'").pluck().get()).toBe(0);
      const reportIndexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'rm_report' AND sql IS NOT NULL").pluck().all() as string[];
      expect(reportIndexes).toEqual([expect.stringMatching(/^rm_next_report_by_org_year_/)]);
    } finally {
      db.close();
    }
  });

  it('lets a newer rebuild take over from one still running, which then fails without harm', async () => {
    await appendAll(store, [...scenario(0), ...scenario(1)]);
    const a = open();
    const b = open();
    let second: Promise<unknown> | undefined;
    const first = a.runner.rebuild((done) => {
      if (done === 5) second = b.runner.rebuild();
    });
    await expect(first).rejects.toThrow(RebuildSupersededError);
    await second;
    const expected = await snapshotOf(await replayLedger(store));
    expect(await snapshotOf(a.view)).toEqual(expected);
    expect(await snapshotOf(b.view)).toEqual(expected);
  });

  it('drops and refills read-model tables written by another version of the read model', async () => {
    await appendAll(store, scenario(0));
    const first = open();
    await first.runner.catchUp();
    first.close();
    const db = new Database(store.filePath);
    db.prepare("UPDATE rm_meta SET value = '0' WHERE key = 'version'").run();
    db.close();
    const again = open();
    expect(await again.view.position()).toBe(0n);
    expect(await again.view.listOrgs()).toEqual([]);
    await again.runner.catchUp();
    expect(await snapshotOf(again.view)).toEqual(await snapshotOf(await replayLedger(store)));
  });
});
