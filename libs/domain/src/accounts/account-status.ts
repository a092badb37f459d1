import { IssueList } from '../errors';
import { ACCOUNT_DISABLED } from '../events/account-disabled';
import { ACCOUNT_ENABLED } from '../events/account-enabled';
import type { DecidedEvent } from '../commands/decided-event';
import { cleanText, TextInput } from '../commands/validation/text';
import { checkKnownAccount } from './account-lookup';
import { normalizeUsername } from './credentials';
import type { KnownAccount } from './known-account';
import { hasWholeLedgerScope } from './org-scope';

export interface DisableAccountInput {
  username: TextInput;
  reason?: TextInput;
}

export interface DisableAccountFacts {
  account?: KnownAccount;
  /** Enabled whole-ledger admins other than this account: the last one may not be disabled. */
  otherWholeLedgerAdmins: number;
}

/** Disables an enabled account, unless it is the last admin who could enable it again. */
export function decideDisableAccount(input: DisableAccountInput, facts: DisableAccountFacts): DecidedEvent[] {
  const issues = new IssueList();
  const username = normalizeUsername(input.username);
  const account = checkKnownAccount(issues, 'username', username, facts.account);
  if (account?.disabled) issues.add('username', `账号已停用：${username}`, `account ${username} is already disabled`);
  else if (account !== undefined && hasWholeLedgerScope(account) && facts.otherWholeLedgerAdmins === 0) {
    issues.add('username', `不能停用最后一个全台账管理员账号：${username}`, `cannot disable the last whole-ledger admin: ${username}`);
  }
  issues.throwIfAny();
  return [{ type: ACCOUNT_DISABLED, data: { username, reason: cleanText(input.reason) } }];
}

/** Enables a disabled account again. */
export function decideEnableAccount(input: { username: TextInput }, facts: { account?: KnownAccount }): DecidedEvent[] {
  const issues = new IssueList();
  const username = normalizeUsername(input.username);
  const account = checkKnownAccount(issues, 'username', username, facts.account);
  if (account !== undefined && !account.disabled) issues.add('username', `账号未停用：${username}`, `account ${username} is not disabled`);
  issues.throwIfAny();
  return [{ type: ACCOUNT_ENABLED, data: { username } }];
}
