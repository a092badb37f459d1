import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledSqliteAdapter, ensureCompiledSqliteAdapter, helperScript } from '../../../../test/helpers/compiled-sqlite-adapter';
import { StreamChainVerifier } from '../hash-chain';
import { SqliteEventStore } from './sqlite-event-store';

interface WriterReport {
  eventIds: string[];
  conflicts: number;
}

interface Writer {
  ready: Promise<void>;
  start(): void;
  report: Promise<WriterReport>;
}

/** Starts one racing appender process; it appends once `start()` is called and reports when done. */
function spawnWriter(filePath: string, streamId: string, count: number, name: string): Writer {
  const script = helperScript('sqlite-racing-appender.js');
  const child = spawn(process.execPath, [script, compiledSqliteAdapter, filePath, streamId, String(count), name], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const report = new Promise<WriterReport>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve(JSON.parse(stdout.slice('ready\n'.length)) as WriterReport);
      else reject(new Error(`${name} exited ${code}: ${stderr}`));
    });
  });
  // A writer that dies before it is ready must fail the test, not leave it waiting.
  return { ready: Promise.race([ready, report.then(() => undefined)]), start: () => child.stdin.end('go\n'), report };
}

describe('several processes appending to one SQLite file', () => {
  let dir: string;

  beforeAll(() => {
    ensureCompiledSqliteAdapter();
  }, 180_000);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-multiprocess-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('lose no event when they race on one stream with expected versions', async () => {
    const filePath = join(dir, 'events.db');
    // Create the file first, so the writers race on appends rather than on creating the schema.
    await new SqliteEventStore(filePath).close();
    const perWriter = 150;

    const writers = ['writer-a', 'writer-b', 'writer-c'].map((name) => spawnWriter(filePath, 'org-shared', perWriter, name));
    await Promise.all(writers.map((w) => w.ready));
    writers.forEach((w) => w.start());
    const reports = await Promise.all(writers.map((w) => w.report));

    const store = new SqliteEventStore(filePath);
    try {
      const events = await store.readStream('org-shared');
      expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 3 * perWriter }, (_, i) => i + 1));
      expect(new Set(events.map((e) => e.eventId))).toEqual(new Set(reports.flatMap((r) => r.eventIds)));
      const verifier = new StreamChainVerifier('org-shared');
      for (const event of events) verifier.check(event);
      expect(verifier.firstBreak).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
