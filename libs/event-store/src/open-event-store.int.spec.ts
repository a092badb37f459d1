import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { sampleEvent } from './contract/sample-events';
import { StoreUrlError } from './errors';
import { openEventStore } from './open-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

describe('openEventStore', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-open-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens a SQLite store at an absolute path, creating missing directories', async () => {
    const filePath = join(dir, 'nested', 'deeper', 'ledger.db');
    const store = await openEventStore(`sqlite:${filePath}`);
    try {
      await store.appendToStream('org-1', [sampleEvent()], 'no-stream');
      expect(store).toBeInstanceOf(SqliteEventStore);
      expect((store as SqliteEventStore).filePath).toBe(filePath);
      expect(existsSync(filePath)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('opens a relative path against the working directory', async () => {
    const filePath = join(dir, 'data', 'taizhang.db');
    const store = await openEventStore(`sqlite:${relative(process.cwd(), filePath)}`);
    try {
      expect((store as SqliteEventStore).filePath).toBe(filePath);
      expect(await store.headPosition()).toBe(0n);
    } finally {
      await store.close();
    }
  });

  it('rejects a scheme that has no adapter yet', async () => {
    await expect(openEventStore('mysql://localhost/taizhang')).rejects.toThrow(StoreUrlError);
  });
});
