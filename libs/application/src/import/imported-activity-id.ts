import { createHash } from 'node:crypto';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/**
 * The id of an activity imported from a row: its date (as `newActivityId` writes it) and a hash of
 * what the row says. The same row imported again gets the same id, so a second import of the
 * same file — or of the file with rows added — adds only what is new. `occurrence` tells apart
 * identical rows of one file (two equal 谈心谈话 on one day are two talks).
 */
export function importedActivityId(date: string, content: string, occurrence: number): string {
  const digest = createHash('sha256').update(`${content}#${occurrence}`).digest();
  let suffix = '';
  for (let i = 0; i < 12; i++) suffix += ALPHABET[digest[i] % ALPHABET.length];
  return `${date.replace(/-/g, '')}-i${suffix}`;
}
