import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempStore {
  dir: string;
  /** The SQLite file (created by the first CLI command that opens the store). */
  file: string;
  /** `sqlite:<file>`, for `--store`. */
  url: string;
  remove(): void;
}

/** A fresh, empty store location in its own temporary directory. */
export function createTempStore(label: string): TempStore {
  const dir = mkdtempSync(join(tmpdir(), `taizhang-e2e-${label}-`));
  const file = join(dir, 't.db');
  return { dir, file, url: `sqlite:${file}`, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
