import { randomInt } from 'node:crypto';
import { IssueList } from '../../../domain/src/errors';
import { checkNewPassword } from '../../../domain/src/accounts/credentials';

/**
 * Letters and digits that cannot be mistaken for one another when read off a screen or a slip of
 * paper (no 0/O/o, 1/l/I, 5/S, 2/Z, 8/B, u/v).
 */
export const READABLE_ALPHABET = 'abcdefghijkmnpqrstwxyzACDEFGHJKLMNPQRTUVWXY34679';
export const GENERATED_PASSWORD_LENGTH = 16;

/**
 * A random one-time password: 16 characters from the readable alphabet (about 89 bits), drawn with
 * `crypto.randomInt`, so without modulo bias. Drawn again in the (astronomically rare) case it
 * breaks a password rule, e.g. all digits.
 */
export function generatePassword(): string {
  for (;;) {
    let password = '';
    for (let i = 0; i < GENERATED_PASSWORD_LENGTH; i++) password += READABLE_ALPHABET[randomInt(READABLE_ALPHABET.length)];
    const issues = new IssueList();
    if (checkNewPassword(issues, 'password', password, null) !== null) return password;
  }
}
