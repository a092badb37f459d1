import type { IssueList } from '../errors';
import { cleanText, TextInput } from '../commands/validation/text';

/** Lower-case ASCII, starting with a letter, 3 to 32 characters: usernames end up in stream names. */
export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;
export const PASSWORD_MIN_LENGTH = 10;
/** Long enough for any passphrase, short enough that nobody can make the server hash megabytes. */
export const PASSWORD_MAX_LENGTH = 128;

/**
 * A username as typed, trimmed and lower-cased (users type `Wang` for `wang`); '' when blank.
 * Every lookup and every new account goes through this, so case never makes two accounts.
 */
export function normalizeUsername(value: TextInput): string {
  return (cleanText(value) ?? '').toLowerCase();
}

/**
 * The form of a password that is hashed and measured: Unicode NFKC, so a password typed with a
 * Chinese input method in full-width mode (`ｐａｓｓ１２３`) is the same as its half-width twin.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Checks the username of a new account; returns it normalised, or null (issues recorded). */
export function checkUsername(issues: IssueList, field: string, value: TextInput): string | null {
  const username = normalizeUsername(value);
  if (username === '') {
    issues.add(field, '请填写用户名', `${field} is required`);
    return null;
  }
  if (!USERNAME_PATTERN.test(username)) {
    issues.add(
      field,
      `用户名须以英文字母开头，由3至32个小写英文字母、数字、下划线、点或连字符组成：${username}`,
      `${field} must be 3 to 32 lower-case letters, digits, "_", "." or "-", starting with a letter: ${username}`,
    );
    return null;
  }
  return username;
}

/**
 * Checks a password chosen for an account (never trimmed: spaces are part of it). Records every
 * rule it breaks; returns it, or null when it may not be used.
 */
export function checkNewPassword(issues: IssueList, field: string, value: string | null | undefined, username: string | null): string | null {
  if (value === null || value === undefined || value === '') {
    issues.add(field, '请填写密码', `${field} is required`);
    return null;
  }
  const normalized = normalizePassword(String(value));
  const length = [...normalized].length;
  const before = issues.issues.length;
  if (length < PASSWORD_MIN_LENGTH) {
    issues.add(field, `密码至少需要${PASSWORD_MIN_LENGTH}个字符`, `${field} must be at least ${PASSWORD_MIN_LENGTH} characters`);
  } else if (length > PASSWORD_MAX_LENGTH) {
    issues.add(field, `密码过长（最多${PASSWORD_MAX_LENGTH}个字符）`, `${field} is longer than ${PASSWORD_MAX_LENGTH} characters`);
  }
  if (/^\d+$/.test(normalized)) issues.add(field, '密码不能全是数字', `${field} must not be all digits`);
  if (username !== null && normalized.trim().toLowerCase() === username) {
    issues.add(field, '密码不能与用户名相同', `${field} must differ from the username`);
  }
  return issues.issues.length === before ? String(value) : null;
}
