/**
 * Input field names (shared with the API and forms) → the CLI flag a user typed, so an error can
 * say both: `orgId (--org)`.
 */
const FIELD_FLAGS: Readonly<Record<string, string>> = {
  orgId: '--org',
  kinds: '--kind',
  activityId: '--id',
  memberId: '--id',
  toOrgId: '--to',
  parentId: '--parent',
  establishedOn: '--established',
  asOf: '--as-of',
  id: '--id',
  // Account verbs: the display name is `--name`; a reset's new password is `--password`.
  displayName: '--name',
  newPassword: '--password',
  // A report file's content and a draft's content have no flag of their own.
  file: '',
  reportId: '',
  draft: '',
  // Whole-record issues (e.g. a correction that changes nothing) have no single flag.
  activity: '',
};

function flagOf(field: string): string {
  return FIELD_FLAGS[field] ?? `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

export function fieldLabel(field: string): string {
  const flag = flagOf(field);
  return flag ? `${field}（${flag}）` : field;
}

export function fieldLabelEn(field: string): string {
  const flag = flagOf(field);
  return flag ? `${field} (${flag})` : field;
}
