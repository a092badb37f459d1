import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The store a run fills: the one named on the command line, or a temporary file it owns. */
export interface BenchStore {
  url: string;
  /** True when the run created the store and must delete it. */
  temporary: boolean;
  /** Deletes a temporary store (the file, its WAL and shared-memory files); a given store is kept. */
  dispose(): void;
}

export function benchStore(url: string | undefined): BenchStore {
  if (url !== undefined) return { url, temporary: false, dispose: () => undefined };
  // In the OS temp dir, not tmpfs-only memory: durable-commit figures need a real fsync.
  const dir = mkdtempSync(join(tmpdir(), 'taizhang-bench-'));
  let disposed = false;
  return {
    url: `sqlite:${join(dir, 'ledger.db')}`,
    temporary: true,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
