import { IssueList } from '../errors';
import { ACCOUNT_CREATED } from '../events/account-created';
import type { DecidedEvent } from '../commands/decided-event';
import { checkLiveOrg } from '../commands/validation/org-lookup';
import { NAME_MAX_LENGTH } from '../commands/validation/names';
import { cleanText, TextInput } from '../commands/validation/text';
import type { OrgDoc } from '../state';
import { checkNewPassword, checkUsername } from './credentials';
import type { KnownAccount } from './known-account';
import { AccountRole, parseRole, ROLE_INFO, ROLES } from './roles';

export interface CreateAccountInput {
  username: TextInput;
  password: string | null | undefined;
  /** A role id or its Chinese name (see `parseRole`). */
  role: TextInput;
  /** Required for a secretary or an auditor; optional for an admin (none: the whole ledger). */
  orgId?: TextInput;
  displayName?: TextInput;
  /** The password is a one-time one (generated and handed over): change it at the next login. */
  mustChangePassword?: boolean;
}

export interface CreateAccountFacts {
  /** The account already holding the (normalised) username, if any. */
  existing?: KnownAccount;
  /** The org named by `orgId`, when one was given and it exists. */
  org?: OrgDoc;
}

/** A new account that passed every rule: the password is still in clear, to be hashed next. */
export interface NewAccount {
  username: string;
  password: string;
  role: AccountRole;
  orgId: string | null;
  displayName: string | null;
  mustChangePassword: boolean;
}

/**
 * Checks a new account against the rules (username free and well-formed, known role, an existing
 * org for anyone but an admin, a usable password) and names every bad field at once.
 */
export function checkCreateAccount(input: CreateAccountInput, facts: CreateAccountFacts): NewAccount {
  const issues = new IssueList();
  const username = checkUsername(issues, 'username', input.username);
  if (username !== null && facts.existing !== undefined) {
    issues.add('username', `用户名已被使用：${username}`, `username is taken: ${username}`);
  }
  const role = parseRole(cleanText(input.role));
  if (role === undefined) {
    const names = ROLES.map((r) => `${r}（${ROLE_INFO[r].name}）`).join('、');
    issues.add('role', `角色无效：${cleanText(input.role) ?? '（空）'}，可选：${names}`, `role must be one of ${ROLES.join(', ')}`);
  }
  const orgId = cleanText(input.orgId);
  if (orgId === null && role !== undefined && role !== 'admin') {
    issues.add('orgId', `${ROLE_INFO[role].name}账号须指定所属组织`, `a ${role} account needs an organisation`);
  }
  checkLiveOrg(issues, 'orgId', orgId, facts.org);
  const displayName = cleanText(input.displayName);
  if (displayName !== null && displayName.length > NAME_MAX_LENGTH) {
    issues.add('displayName', `姓名过长（最多${NAME_MAX_LENGTH}个字）`, `displayName is longer than ${NAME_MAX_LENGTH} characters`);
  }
  const password = checkNewPassword(issues, 'password', input.password, username);
  issues.throwIfAny();
  return {
    username: username as string,
    password: password as string,
    role: role as AccountRole,
    orgId,
    displayName,
    mustChangePassword: input.mustChangePassword ?? false,
  };
}

/** The event that creates a checked account, once its password is hashed. */
export function decideCreateAccount(account: NewAccount, passwordHash: string): DecidedEvent[] {
  const { username, role, orgId, displayName, mustChangePassword } = account;
  return [{ type: ACCOUNT_CREATED, data: { username, role, orgId, passwordHash, displayName, mustChangePassword } }];
}
