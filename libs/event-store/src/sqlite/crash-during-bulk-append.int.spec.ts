import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledSqliteAdapter, ensureCompiledSqliteAdapter, helperScript } from '../../../../test/helpers/compiled-sqlite-adapter';
import { StreamChainVerifier } from '../hash-chain';
import { SqliteEventStore } from './sqlite-event-store';

const appenderScript = helperScript('sqlite-bulk-appender.js');
const BATCH_SIZE = 500;
const STREAMS = 3;

/** Runs the appender until it reports `batches` commits, then SIGKILLs it; resolves with what it reported. */
function appendThenKill(filePath: string, batches: number): Promise<{ committed: number; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [appenderScript, compiledSqliteAdapter, filePath, String(BATCH_SIZE), String(STREAMS)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let committed = 0;
    let pending = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('committed ')) committed += 1;
      if (committed >= batches && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === null) reject(new Error(`appender exited on its own (code ${code}): ${stderr}`));
      else resolve({ committed, signal });
    });
  });
}

describe('SQLite store killed during bulk appends', () => {
  let dir: string;

  beforeAll(() => {
    ensureCompiledSqliteAdapter();
  }, 180_000);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-crash-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps whole batches only, every chain intact, and every acknowledged batch', async () => {
    const filePath = join(dir, 'events.db');
    let acknowledged = 0;

    // Several kill/restart rounds on the same file: each restart appends after a crash.
    for (let round = 1; round <= 3; round++) {
      const { committed, signal } = await appendThenKill(filePath, 4 + round);
      expect(signal).toBe('SIGKILL');
      acknowledged += committed;

      const db = new Database(filePath, { readonly: true });
      const counts = db
        .prepare('SELECT stream_id AS streamId, count(*) AS n FROM events GROUP BY stream_id')
        .all() as { streamId: string; n: number }[];
      db.close();
      const total = counts.reduce((sum, c) => sum + c.n, 0);
      for (const { streamId, n } of counts) expect({ streamId, remainder: n % BATCH_SIZE }).toEqual({ streamId, remainder: 0 });
      expect(total).toBeGreaterThanOrEqual(acknowledged * BATCH_SIZE);

      const store = new SqliteEventStore(filePath);
      try {
        for (const { streamId, n } of counts) {
          const verifier = new StreamChainVerifier(streamId);
          for (const event of await store.readStream(streamId)) verifier.check(event);
          expect(verifier.firstBreak).toBeUndefined();
          expect(verifier.count).toBe(n);
        }
      } finally {
        await store.close();
      }
    }
  });
});
