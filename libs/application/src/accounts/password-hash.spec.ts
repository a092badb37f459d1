import { generatePassword, GENERATED_PASSWORD_LENGTH, READABLE_ALPHABET } from './generate-password';
import { hashPassword, isPasswordHash, verifyAgainstNothing, verifyPassword } from './password-hash';

describe('password hashing', () => {
  const password = 'correct horse battery';
  let encoded: string;

  beforeAll(async () => {
    encoded = await hashPassword(password);
  });

  it('encodes scheme, cost parameters, a 16-byte salt and a 64-byte key', () => {
    const parts = encoded.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(parts[4], 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5], 'base64')).toHaveLength(64);
    expect(isPasswordHash(encoded)).toBe(true);
    expect(encoded).not.toContain(password);
  });

  it('verifies the password it was made from, and no other', async () => {
    expect(await verifyPassword(password, encoded)).toBe(true);
    expect(await verifyPassword('correct horse batterY', encoded)).toBe(false);
    expect(await verifyPassword('', encoded)).toBe(false);
  });

  it('treats a full-width password typed through an input method as its half-width twin (NFKC)', async () => {
    const halfWidth = await hashPassword('pass word 2024');
    expect(await verifyPassword('ｐａｓｓ　ｗｏｒｄ　２０２４', halfWidth)).toBe(true);
  });

  it('salts every hash afresh: the same password never hashes the same twice', async () => {
    const again = await hashPassword(password);
    expect(again).not.toBe(encoded);
    expect(again.split('$')[4]).not.toBe(encoded.split('$')[4]);
    expect(await verifyPassword(password, again)).toBe(true);
  });

  it('never matches, and never throws on, a tampered or malformed encoding', async () => {
    const parts = encoded.split('$');
    const key = Buffer.from(parts[5], 'base64');
    key[0] ^= 1;
    const flippedKey = [...parts.slice(0, 5), key.toString('base64')].join('$');
    const otherSalt = [...parts.slice(0, 4), Buffer.alloc(16, 7).toString('base64'), parts[5]].join('$');
    const otherCost = ['scrypt', '16384', ...parts.slice(2)].join('$');
    for (const tampered of [flippedKey, otherSalt, otherCost]) {
      expect(isPasswordHash(tampered)).toBe(true);
      expect(await verifyPassword(password, tampered)).toBe(false);
    }
    const malformed = [
      '',
      'plain text',
      parts.slice(0, 5).join('$'),
      ['bcrypt', ...parts.slice(1)].join('$'),
      ['scrypt', '1000', ...parts.slice(2)].join('$'),
      ['scrypt', String(2 ** 24), ...parts.slice(2)].join('$'),
      ['scrypt', '32768', '999', ...parts.slice(3)].join('$'),
      [...parts.slice(0, 4), 'c2hvcnQ=', parts[5]].join('$'),
      [...parts.slice(0, 5), '!!not base64!!'].join('$'),
    ];
    for (const bad of malformed) {
      expect(isPasswordHash(bad)).toBe(false);
      expect(await verifyPassword(password, bad)).toBe(false);
    }
  });

  it('spends a verification on an unknown user and says no', async () => {
    expect(await verifyAgainstNothing(password)).toBe(false);
  });
});

describe('generatePassword', () => {
  it('draws 16 characters from the readable alphabet, differently each time', () => {
    const drawn = Array.from({ length: 50 }, () => generatePassword());
    for (const p of drawn) {
      expect(p).toHaveLength(GENERATED_PASSWORD_LENGTH);
      expect([...p].every((c) => READABLE_ALPHABET.includes(c))).toBe(true);
    }
    expect(new Set(drawn).size).toBe(50);
  });

  it('leaves out characters easily mistaken for one another', () => {
    for (const c of '0Oo1lI5S2Z8Buv') expect(READABLE_ALPHABET).not.toContain(c);
    expect(new Set(READABLE_ALPHABET).size).toBe(READABLE_ALPHABET.length);
  });
});
