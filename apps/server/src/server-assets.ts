import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * `apps/server` in the repository (views/ and public/ live there, not in the compiled tree), found
 * from the source or from `dist/`.
 */
export function serverAssetsDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'apps', 'server');
    if (existsSync(join(dir, 'package.json')) && existsSync(join(candidate, 'views'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('apps/server/views not found');
}
