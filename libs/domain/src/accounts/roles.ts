/** What an account may do; the scope (which orgs) comes from its `orgId`. */
export const ROLES = ['admin', 'secretary', 'auditor'] as const;

export type AccountRole = (typeof ROLES)[number];

export interface RoleInfo {
  /** As users see it. */
  name: string;
  nameEn: string;
  /** Other words a user may type for it (CLI flag, import sheet). */
  synonyms: readonly string[];
}

export const ROLE_INFO: Readonly<Record<AccountRole, RoleInfo>> = {
  admin: { name: '管理员', nameEn: 'administrator', synonyms: ['管理员', '系统管理员'] },
  secretary: { name: '支部书记（录入）', nameEn: 'secretary (records activities)', synonyms: ['支部书记', '书记', '录入', '录入员'] },
  auditor: { name: '审计', nameEn: 'auditor (reads only)', synonyms: ['审计', '审计员', '巡察', '纪检'] },
};

export function isRole(value: unknown): value is AccountRole {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The role named by an id (any case) or by its Chinese name or a synonym; undefined when none. */
export function parseRole(value: string | null | undefined): AccountRole | undefined {
  const text = (value ?? '').trim();
  const id = text.toLowerCase();
  if (isRole(id)) return id;
  return ROLES.find((role) => ROLE_INFO[role].name === text || ROLE_INFO[role].synonyms.includes(text));
}
