import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';
import { normalizePassword } from '../../../domain/src/accounts/credentials';

/**
 * scrypt cost parameters for new hashes: N = 2^15, r = 8, p = 1 costs 32 MiB and some tens of
 * milliseconds per hash: slow for anyone guessing, fine for a login. Stored with each hash, so they
 * can be raised later without invalidating old hashes.
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const SALT_LENGTH = 16;
const SCHEME = 'scrypt';

// Bounds on what a stored hash may ask for, so a corrupt or forged one cannot make a login
// allocate gigabytes or spin for minutes.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

/**
 * The memory scrypt needs is 128·N·r bytes (plus a little); Node refuses anything above `maxmem`,
 * whose default (32 MiB) is just too small for N = 2^15, r = 8. Twice the need leaves room.
 */
function maxmemFor(N: number, r: number): number {
  return 2 * 128 * N * r;
}

function derive(password: string, salt: Buffer, keyLength: number, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: maxmemFor(params.N, params.r) };
  return new Promise((resolve, reject) => {
    scrypt(normalizePassword(password), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Hashes a password with a fresh random salt: `scrypt$N$r$p$saltB64$hashB64`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, KEY_LENGTH, SCRYPT_PARAMS);
  const { N, r, p } = SCRYPT_PARAMS;
  return [SCHEME, N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The parts of an encoded hash, or undefined when it is not one this module could have written. */
function parseHash(encoded: string): ParsedHash | undefined {
  const parts = typeof encoded === 'string' ? encoded.split('$') : [];
  if (parts.length !== 6 || parts[0] !== SCHEME) return undefined;
  const [N, r, p] = parts.slice(1, 4).map((text) => (/^[1-9]\d{0,7}$/.test(text) ? Number(text) : Number.NaN));
  // N must be a power of two above 1.
  if (!(N > 1 && N <= MAX_N && (N & (N - 1)) === 0) || !(r >= 1 && r <= MAX_R) || !(p >= 1 && p <= MAX_P)) return undefined;
  if (!BASE64.test(parts[4]) || !BASE64.test(parts[5])) return undefined;
  const salt = Buffer.from(parts[4], 'base64');
  const key = Buffer.from(parts[5], 'base64');
  if (salt.length < SALT_LENGTH || key.length < 32 || key.length > 128) return undefined;
  return { N, r, p, salt, key };
}

/** True when `encoded` is a well-formed hash of this scheme. */
export function isPasswordHash(encoded: string): boolean {
  return parseHash(encoded) !== undefined;
}

/**
 * Whether `password` is the one `encoded` was made from, compared in constant time. A malformed
 * or altered encoding never matches (and never throws): a login simply fails.
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (parsed === undefined || typeof password !== 'string') return false;
  const key = await derive(password, parsed.salt, parsed.key.length, parsed);
  return timingSafeEqual(key, parsed.key);
}

/**
 * A valid hash of no password anyone knows: checked against when a username is unknown, so
 * "no such user" takes as long as "wrong password" and the timing does not tell them apart.
 */
const DUMMY_HASH = [SCHEME, SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p, randomBytes(SALT_LENGTH).toString('base64'), randomBytes(KEY_LENGTH).toString('base64')].join('$');

/** Spends the time of one verification and returns false. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  await verifyPassword(typeof password === 'string' ? password : '', DUMMY_HASH);
  return false;
}
