import type { IssueList } from '../errors';
import type { KnownAccount } from './known-account';

/** The account a command acts on, when it exists; otherwise records why not. `username` '' = not given. */
export function checkKnownAccount(issues: IssueList, field: string, username: string, account: KnownAccount | undefined): KnownAccount | undefined {
  if (username === '') {
    issues.add(field, '请填写用户名', `${field} is required`);
    return undefined;
  }
  if (account === undefined) issues.add(field, `账号不存在：${username}`, `unknown account: ${username}`);
  return account;
}

/** The same, and refused when it is disabled. */
export function checkEnabledAccount(issues: IssueList, field: string, username: string, account: KnownAccount | undefined): KnownAccount | undefined {
  const known = checkKnownAccount(issues, field, username, account);
  if (known?.disabled) {
    issues.add(field, `账号已停用：${username}`, `account ${username} is disabled`);
    return undefined;
  }
  return known;
}
