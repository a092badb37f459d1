import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseStoreUrl } from '../../libs/event-store/src/open-event-store';
import { benchStore, scratchStore } from './bench-store';

describe('benchStore', () => {
  it('without a URL makes a temporary SQLite file and deletes its directory on dispose', async () => {
    const store = benchStore(undefined);
    const location = parseStoreUrl(store.url);
    expect(store).toMatchObject({ kind: 'sqlite', temporary: true });
    if (location.kind !== 'sqlite') throw new Error('not sqlite');
    expect(existsSync(dirname(location.filePath))).toBe(true);
    await store.dispose();
    expect(existsSync(dirname(location.filePath))).toBe(false);
  });

  it('keeps a SQLite store it was given', () => {
    expect(benchStore('sqlite:/tmp/given.db')).toMatchObject({ kind: 'sqlite', url: 'sqlite:/tmp/given.db', temporary: false });
  });

  it('works in a fresh schema of its own on PostgreSQL, and never prints the password', () => {
    const store = benchStore('postgres://bench:s3cret@db.example:5432/ledger?sslmode=disable');
    const location = parseStoreUrl(store.url);
    expect(store).toMatchObject({ kind: 'postgres', temporary: true });
    if (location.kind !== 'postgres') throw new Error('not postgres');
    expect(location.schema).toMatch(/^bench_[0-9a-f]{12}$/);
    expect(location.connectionString).toBe('postgres://bench:s3cret@db.example:5432/ledger?sslmode=disable');
    expect(store.displayUrl).not.toContain('s3cret');
    expect(store.displayUrl).toContain(location.schema);

    const scratch = parseStoreUrl(scratchStore(store).url);
    if (scratch.kind !== 'postgres') throw new Error('not postgres');
    expect(scratch.connectionString).toBe(location.connectionString);
    expect(scratch.schema).toMatch(/^bench_[0-9a-f]{12}$/);
    expect(scratch.schema).not.toBe(location.schema);
  });

  it('refuses a PostgreSQL URL that names a schema, and stores it cannot bench', () => {
    expect(() => benchStore('postgres://u:p@localhost/db?schema=public')).toThrow(/leave out \?schema=/);
    expect(() => benchStore('esdb://localhost:2113?tls=false')).toThrow(/sqlite: and postgres:\/\//);
  });
});
