import type { IssueList } from '../../errors';
import { cleanText, TextInput } from './text';

export const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
export const ID_MAX_LENGTH = 64;

/**
 * Checks an id chosen by the user for a new record (organisation, member, activity). Ids end up
 * in stream names, URLs and file names, hence the plain-ASCII rule.
 */
export function checkNewId(issues: IssueList, field: string, value: TextInput, label: string): string | null {
  const id = cleanText(value);
  if (id === null) {
    issues.add(field, `请填写${label}`, `${field} is required`);
    return null;
  }
  if (id.length > ID_MAX_LENGTH) {
    issues.add(field, `${label}过长（最多${ID_MAX_LENGTH}个字符）：${id}`, `${field} is longer than ${ID_MAX_LENGTH} characters`);
    return null;
  }
  if (!ID_PATTERN.test(id)) {
    issues.add(
      field,
      `${label}只能包含英文字母、数字、下划线和连字符：${id}`,
      `${field} may contain only letters, digits, "_" and "-": ${id}`,
    );
    return null;
  }
  return id;
}

/** An id naming an existing record: only presence is checked here, existence by the caller. */
export function requireId(issues: IssueList, field: string, value: TextInput, label: string): string | null {
  const id = cleanText(value);
  if (id === null) issues.add(field, `请填写${label}`, `${field} is required`);
  return id;
}
