import { B1, BX, C1, issuesOf, messagesFor } from '../commands/fixtures.spec-helper';
import { decideDisableAccount, decideEnableAccount } from './account-status';
import { checkChangePassword, checkResetPassword, decidePasswordChange } from './change-password';
import { checkCreateAccount, decideCreateAccount } from './create-account';
import type { KnownAccount } from './known-account';

const WANG: KnownAccount = { username: 'wang', role: 'secretary', orgId: 'b1', disabled: false };
const ADMIN: KnownAccount = { username: 'admin', role: 'admin', orgId: null, disabled: false };
const GONE: KnownAccount = { ...WANG, username: 'gone', disabled: true };
const PASSWORD = 'correct horse battery';

describe('creating an account', () => {
  it('checks and normalises the input, then records only the hash', () => {
    const account = checkCreateAccount(
      { username: ' Wang ', password: PASSWORD, role: '支部书记', orgId: ' b1 ', displayName: ' 王书记 ', mustChangePassword: true },
      { org: B1 },
    );
    expect(account).toEqual({ username: 'wang', password: PASSWORD, role: 'secretary', orgId: 'b1', displayName: '王书记', mustChangePassword: true });
    expect(decideCreateAccount(account, 'scrypt$hash')).toEqual([
      {
        type: 'AccountCreated',
        data: { username: 'wang', role: 'secretary', orgId: 'b1', passwordHash: 'scrypt$hash', displayName: '王书记', mustChangePassword: true },
      },
    ]);
  });

  it('lets an admin have no org (the whole ledger) or one (that subtree), and defaults the rest', () => {
    expect(checkCreateAccount({ username: 'root', password: PASSWORD, role: 'admin' }, {})).toEqual({
      username: 'root',
      password: PASSWORD,
      role: 'admin',
      orgId: null,
      displayName: null,
      mustChangePassword: false,
    });
    expect(checkCreateAccount({ username: 'root', password: PASSWORD, role: 'admin', orgId: 'c1' }, { org: C1 }).orgId).toBe('c1');
  });

  it('refuses a username already taken', () => {
    expect(messagesFor(() => checkCreateAccount({ username: 'WANG', password: PASSWORD, role: 'auditor', orgId: 'b1' }, { existing: WANG, org: B1 }), 'username')).toEqual([
      '用户名已被使用：wang',
    ]);
  });

  it('requires an existing, live org for a secretary or an auditor', () => {
    const create = (role: string, orgId?: string, org = orgId === 'b1' ? B1 : orgId === 'bx' ? BX : undefined) =>
      () => checkCreateAccount({ username: 'li', password: PASSWORD, role, orgId }, { org });
    expect(messagesFor(create('secretary'), 'orgId')).toEqual(['支部书记（录入）账号须指定所属组织']);
    expect(messagesFor(create('auditor'), 'orgId')).toEqual(['审计账号须指定所属组织']);
    expect(messagesFor(create('auditor', 'nowhere'), 'orgId')).toEqual(['组织 nowhere 不存在']);
    expect(messagesFor(create('secretary', 'bx'), 'orgId')[0]).toContain('已于 2021-06-01 撤销');
    expect(messagesFor(create('admin', 'nowhere'), 'orgId')).toEqual(['组织 nowhere 不存在']);
  });

  it('names every bad field at once', () => {
    const issues = issuesOf(() => checkCreateAccount({ username: '1x', password: '123', role: 'root', displayName: '名'.repeat(101) }, {}));
    expect(issues.map((i) => i.field)).toEqual(['username', 'role', 'displayName', 'password', 'password']);
    expect(issues.find((i) => i.field === 'role')?.message).toBe('角色无效：root，可选：admin（管理员）、secretary（支部书记（录入））、auditor（审计）');
  });

  it('refuses a password equal to the username', () => {
    expect(messagesFor(() => checkCreateAccount({ username: 'wang.weiwei', password: 'wang.weiwei', role: 'admin' }, {}), 'password')).toEqual([
      '密码不能与用户名相同',
    ]);
  });
});

describe('changing a password', () => {
  const facts = { account: WANG, oldPasswordMatches: true, newPasswordIsCurrent: false };

  it('accepts the right old password and a new, different, valid one', () => {
    expect(checkChangePassword({ username: 'wang', oldPassword: PASSWORD, newPassword: 'another long one' }, facts)).toEqual({
      username: 'wang',
      newPassword: 'another long one',
    });
    expect(decidePasswordChange('wang', 'scrypt$new', false)).toEqual([
      { type: 'AccountPasswordChanged', data: { username: 'wang', passwordHash: 'scrypt$new', reset: false } },
    ]);
  });

  it('refuses a wrong or missing old password, an unchanged one, and a weak one', () => {
    const input = { username: 'wang', oldPassword: 'wrong one!', newPassword: 'another long one' };
    expect(messagesFor(() => checkChangePassword(input, { ...facts, oldPasswordMatches: false }), 'oldPassword')).toEqual(['原密码不正确']);
    expect(messagesFor(() => checkChangePassword({ ...input, oldPassword: '' }, { ...facts, oldPasswordMatches: false }), 'oldPassword')).toEqual(['请填写原密码']);
    expect(messagesFor(() => checkChangePassword(input, { ...facts, newPasswordIsCurrent: true }), 'newPassword')).toEqual(['新密码不能与原密码相同']);
    expect(messagesFor(() => checkChangePassword({ ...input, newPassword: '0123456789' }, facts), 'newPassword')).toEqual(['密码不能全是数字']);
  });

  it('refuses an unknown or disabled account', () => {
    const input = { username: 'gone', oldPassword: PASSWORD, newPassword: 'another long one' };
    expect(messagesFor(() => checkChangePassword(input, { ...facts, account: undefined }), 'username')).toEqual(['账号不存在：gone']);
    expect(messagesFor(() => checkChangePassword(input, { ...facts, account: GONE }), 'username')).toEqual(['账号已停用：gone']);
  });
});

describe('resetting a password', () => {
  it('works on any existing account, disabled ones included', () => {
    expect(checkResetPassword({ username: 'GONE', newPassword: 'fresh password' }, { account: GONE })).toEqual({ username: 'gone', newPassword: 'fresh password' });
    expect(decidePasswordChange('gone', 'scrypt$x', true)[0].data).toEqual({ username: 'gone', passwordHash: 'scrypt$x', reset: true });
  });

  it('refuses an unknown account or a weak password', () => {
    expect(issuesOf(() => checkResetPassword({ username: 'nobody', newPassword: 'short' }, {})).map((i) => i.field)).toEqual(['username', 'newPassword']);
    expect(messagesFor(() => checkResetPassword({ username: '', newPassword: 'fresh password' }, {}), 'username')).toEqual(['请填写用户名']);
  });
});

describe('disabling and enabling', () => {
  it('disables an enabled account with an optional reason, and enables it again', () => {
    expect(decideDisableAccount({ username: 'wang', reason: ' 调离 ' }, { account: WANG, otherWholeLedgerAdmins: 0 })).toEqual([
      { type: 'AccountDisabled', data: { username: 'wang', reason: '调离' } },
    ]);
    expect(decideDisableAccount({ username: 'wang' }, { account: WANG, otherWholeLedgerAdmins: 0 })[0].data).toEqual({ username: 'wang', reason: null });
    expect(decideEnableAccount({ username: 'gone' }, { account: GONE })).toEqual([{ type: 'AccountEnabled', data: { username: 'gone' } }]);
  });

  it('refuses to disable twice, to enable an enabled account, or to touch an unknown one', () => {
    expect(messagesFor(() => decideDisableAccount({ username: 'gone' }, { account: GONE, otherWholeLedgerAdmins: 1 }), 'username')).toEqual(['账号已停用：gone']);
    expect(messagesFor(() => decideEnableAccount({ username: 'wang' }, { account: WANG }), 'username')).toEqual(['账号未停用：wang']);
    expect(messagesFor(() => decideEnableAccount({ username: 'nobody' }, {}), 'username')).toEqual(['账号不存在：nobody']);
  });

  it('never disables the last admin of the whole ledger, who alone could undo it', () => {
    expect(messagesFor(() => decideDisableAccount({ username: 'admin' }, { account: ADMIN, otherWholeLedgerAdmins: 0 }), 'username')).toEqual([
      '不能停用最后一个全台账管理员账号：admin',
    ]);
    expect(decideDisableAccount({ username: 'admin' }, { account: ADMIN, otherWholeLedgerAdmins: 1 })).toHaveLength(1);
  });
});
