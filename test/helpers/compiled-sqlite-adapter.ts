import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..');
const sources = join(repoRoot, 'libs', 'event-store', 'src');

/** The compiled SQLite adapter that child processes load (they run plain JS, without ts-jest). */
export const compiledSqliteAdapter = join(repoRoot, 'dist', 'libs', 'event-store', 'src', 'sqlite', 'sqlite-event-store.js');

/** A plain-JS child script from this folder. */
export function helperScript(name: string): string {
  return join(__dirname, name);
}

/** Newest modification time of the event-store sources (specs aside). */
function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function compiledIsCurrent(): boolean {
  return existsSync(compiledSqliteAdapter) && statSync(compiledSqliteAdapter).mtimeMs >= newestSourceTime(sources);
}

/**
 * `npm test` builds dist/ before Jest runs; a lone run of a multi-process test builds it here when
 * missing or older than the sources. Type errors elsewhere in the tree still emit our files, so
 * the freshness check decides, not the build's exit code.
 */
export function ensureCompiledSqliteAdapter(): void {
  if (compiledIsCurrent()) return;
  const build = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8' });
  if (!compiledIsCurrent()) {
    throw new Error(`could not build ${compiledSqliteAdapter}:\n${build.stdout ?? ''}${build.stderr ?? ''}${build.error ?? ''}`);
  }
}
