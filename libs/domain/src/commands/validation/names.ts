import type { IssueList } from '../../errors';
import { cleanText, TextInput } from './text';

export const NAME_MAX_LENGTH = 100;

/** A required display name (organisation or member). */
export function checkName(issues: IssueList, field: string, value: TextInput, label: string): string | null {
  const name = cleanText(value);
  if (name === null) {
    issues.add(field, `请填写${label}`, `${field} is required`);
    return null;
  }
  if (name.length > NAME_MAX_LENGTH) {
    issues.add(field, `${label}过长（最多${NAME_MAX_LENGTH}个字）`, `${field} is longer than ${NAME_MAX_LENGTH} characters`);
    return null;
  }
  return name;
}

/** A required free-text reason (dissolving, correcting, voiding). */
export function checkReason(issues: IssueList, field: string, value: TextInput, what: string): string | null {
  const reason = cleanText(value);
  if (reason === null) issues.add(field, `请填写${what}的原因`, `${field} is required`);
  return reason;
}
