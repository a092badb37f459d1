import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

/**
 * Compares a rendering byte for byte with `render/golden/<name>`. To accept a deliberate change,
 * run the tests with `UPDATE_GOLDEN=1` (e.g. `UPDATE_GOLDEN=1 npx jest libs/report/src/render`):
 * the file is rewritten from the current output; review the diff before committing it.
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(__dirname, name);
  const actualBytes = Buffer.from(actual, 'utf8');
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actualBytes);
  if (!existsSync(path)) throw new Error(`golden file ${name} does not exist; run with UPDATE_GOLDEN=1 to write it`);
  const expectedBytes = readFileSync(path);
  // The string comparison gives a readable diff; the byte comparison catches what it cannot (BOM, encoding).
  expect(actual).toBe(expectedBytes.toString('utf8'));
  expect(actualBytes.equals(expectedBytes)).toBe(true);
}
