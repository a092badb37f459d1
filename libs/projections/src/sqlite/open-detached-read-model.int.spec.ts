import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../../event-store/src/sqlite/sqlite-event-store';
import { appendAll, scenario, snapshotOf } from '../ledger-snapshot.spec-helper';
import { openDetachedReadModel } from './open-detached-read-model';
import { openReadModel } from './open-read-model';

// The events stand in for a store elsewhere (EventStoreDB, PostgreSQL): the detached read model
// reaches them only through the port, never through the events table of its own file.
describe('a read model in a SQLite file of its own', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-detached-'));
    store = new SqliteEventStore(join(dir, 'events.db'));
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function besideSnapshot() {
    const reader = new SqliteEventStore(store.filePath);
    const beside = openReadModel(reader);
    await beside.runner.catchUp();
    const snapshot = await snapshotOf(beside.view);
    beside.close();
    await reader.close();
    return snapshot;
  }

  it('catches up to what the read model beside the events says, and keeps no events of its own', async () => {
    await appendAll(store, [...scenario(0), ...scenario(1)]);
    const detached = openDetachedReadModel(store, join(dir, 'read', 'rm.db'));
    try {
      const outcome = await detached.runner.catchUp();
      expect(outcome.applied).toBeGreaterThan(20);
      expect(outcome.position).toBe(await store.headPosition());
      expect(await snapshotOf(detached.view)).toEqual(await besideSnapshot());
      expect((await detached.runner.catchUp()).applied).toBe(0);
    } finally {
      detached.closeFile();
    }
    const file = new Database(join(dir, 'read', 'rm.db'), { readonly: true });
    const tables = file.prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    file.close();
    expect(tables).toContain('rm_activity');
    expect(tables).not.toContain('events');
  });

  it('rebuilds by emptying itself and refolding through the port, surviving a reopen', async () => {
    await appendAll(store, scenario(0));
    const file = join(dir, 'rm.db');
    const first = openDetachedReadModel(store, file);
    await first.runner.catchUp();
    first.closeFile();
    await appendAll(store, scenario(1));
    const reopened = openDetachedReadModel(store, file);
    try {
      // Resumes from its checkpoint: only the second scenario's events are folded.
      const resumed = await reopened.runner.catchUp();
      expect(resumed.position).toBe(await store.headPosition());
      const whole = await reopened.runner.rebuild();
      expect(whole.applied).toBeGreaterThan(resumed.applied);
      expect(whole.position).toBe(resumed.position);
      expect(await snapshotOf(reopened.view)).toEqual(await besideSnapshot());
    } finally {
      reopened.closeFile();
    }
  });
});
