import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseStoreUrl, redactStoreUrl } from '../../libs/event-store/src/open-event-store';

/** The stores the bench runs on: the embedded SQLite file, or a PostgreSQL database. */
export type BenchStoreKind = 'sqlite' | 'postgres';

/** The store a run fills: the one named on the command line, or a temporary one it owns. */
export interface BenchStore {
  kind: BenchStoreKind;
  /** What the ledger opens (for PostgreSQL: with the run's own `schema` parameter). */
  url: string;
  /** The URL safe to print (no password). */
  displayUrl: string;
  /** True when the run created the store and must delete it. */
  temporary: boolean;
  /**
   * Deletes what the run created: a temporary SQLite file (with its WAL and shared-memory files),
   * or the run's PostgreSQL schema with everything in it. A given SQLite store is kept.
   */
  dispose(): Promise<void>;
}

/** The schemas the bench creates, and the only ones it ever drops. */
const BENCH_SCHEMA = /^bench_[0-9a-f]{12}$/;

/**
 * The store for a run. No URL: a temporary SQLite file. A `sqlite:` URL: that file, kept. A
 * `postgres://` URL: a fresh schema `bench_<random>` in that database, created as the ledger
 * opens it and dropped at the end, so runs never meet each other's events; a URL that names a
 * schema itself is refused (the bench would not drop a schema it did not make).
 */
export function benchStore(url: string | undefined): BenchStore {
  if (url === undefined) return temporarySqlite();
  const location = parseStoreUrl(url);
  if (location.kind === 'sqlite') {
    return { kind: 'sqlite', url, displayUrl: url, temporary: false, dispose: async () => undefined };
  }
  if (location.kind === 'postgres') {
    if (new URL(url.trim()).searchParams.has('schema')) {
      throw new Error('--store postgres://…: leave out ?schema=, the bench works in a fresh schema of its own (bench_<random>) and drops it at the end');
    }
    return postgresSchema(url.trim());
  }
  throw new Error(`the bench runs on sqlite: and postgres:// stores, not ${location.kind}`);
}

/** A store of the same kind for a section that needs its own (compile, http): temporary either way. */
export function scratchStore(like?: BenchStore): BenchStore {
  if (like?.kind === 'postgres') {
    const base = new URL(like.url);
    base.searchParams.delete('schema');
    return postgresSchema(base.toString());
  }
  return temporarySqlite();
}

function temporarySqlite(): BenchStore {
  // In the OS temp dir, not tmpfs-only memory: durable-commit figures need a real fsync.
  const dir = mkdtempSync(join(tmpdir(), 'taizhang-bench-'));
  const url = `sqlite:${join(dir, 'ledger.db')}`;
  let disposed = false;
  return {
    kind: 'sqlite',
    url,
    displayUrl: url,
    temporary: true,
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresSchema(baseUrl: string): BenchStore {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const withSchema = new URL(baseUrl);
  withSchema.searchParams.set('schema', schema);
  const url = withSchema.toString();
  let disposing: Promise<void> | undefined;
  return {
    kind: 'postgres',
    url,
    displayUrl: redactStoreUrl(url),
    temporary: true,
    dispose: () => (disposing ??= dropBenchSchema(url, schema)),
  };
}

async function dropBenchSchema(url: string, schema: string): Promise<void> {
  if (!BENCH_SCHEMA.test(schema)) throw new Error(`refusing to drop a schema the bench did not create: ${schema}`);
  const location = parseStoreUrl(url);
  if (location.kind !== 'postgres') return;
  // Loaded here only: a SQLite run never loads pg.
  const { Client } = await import('pg');
  const client = new Client({ connectionString: location.connectionString });
  await client.connect();
  try {
    // A session still holding a lock in the schema should not hang the bench's exit forever.
    await client.query("SET lock_timeout = '30s'");
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
