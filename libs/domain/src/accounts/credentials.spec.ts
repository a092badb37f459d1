import { IssueList, ValidationError } from '../errors';
import { checkNewPassword, checkUsername, normalizeUsername } from './credentials';
import { parseRole, ROLE_INFO, ROLES } from './roles';

function usernameIssues(value: string | undefined): string[] {
  const issues = new IssueList();
  checkUsername(issues, 'username', value);
  return issues.issues.map((i) => i.message);
}

function passwordIssues(value: string | undefined, username: string | null = 'wang'): { zh: string[]; en: string[] } {
  const issues = new IssueList();
  checkNewPassword(issues, 'password', value, username);
  return { zh: issues.issues.map((i) => i.message), en: issues.issues.map((i) => i.messageEn) };
}

describe('usernames', () => {
  it('accepts lower-case ASCII names of 3 to 32 characters starting with a letter, trimmed and lower-cased', () => {
    for (const ok of ['abc', 'wang.wei', 'li_na-2', 'a'.repeat(32)]) expect(usernameIssues(ok)).toEqual([]);
    const issues = new IssueList();
    expect(checkUsername(issues, 'username', '  Wang.Wei ')).toBe('wang.wei');
    expect(normalizeUsername(' ADMIN ')).toBe('admin');
  });

  it('refuses blanks, short or long names, a leading digit or symbol, and other characters', () => {
    expect(usernameIssues(undefined)).toEqual(['请填写用户名']);
    expect(usernameIssues('  ')).toEqual(['请填写用户名']);
    for (const bad of ['ab', 'a'.repeat(33), '1abc', '_abc', 'wang wei', '王伟', 'wang@x', 'a/b']) {
      expect(usernameIssues(bad)).toEqual([expect.stringContaining('用户名须以英文字母开头')]);
    }
  });
});

describe('passwords', () => {
  it('accepts ten characters or more that are not all digits and not the username', () => {
    expect(passwordIssues('correct horse')).toEqual({ zh: [], en: [] });
    expect(passwordIssues('党建台账密码很安全的呢')).toEqual({ zh: [], en: [] });
    const issues = new IssueList();
    // Never trimmed: spaces are part of a password.
    expect(checkNewPassword(issues, 'password', ' spaced out ', 'wang')).toBe(' spaced out ');
  });

  it('says in Chinese and English what is wrong', () => {
    expect(passwordIssues('')).toEqual({ zh: ['请填写密码'], en: ['password is required'] });
    expect(passwordIssues('short1')).toEqual({ zh: ['密码至少需要10个字符'], en: ['password must be at least 10 characters'] });
    expect(passwordIssues('1234567890').zh).toEqual(['密码不能全是数字']);
    expect(passwordIssues('12345').zh).toEqual(['密码至少需要10个字符', '密码不能全是数字']);
    expect(passwordIssues('x'.repeat(129)).zh).toEqual(['密码过长（最多128个字符）']);
    expect(passwordIssues('wang.weiwei', 'wang.weiwei').zh).toEqual(['密码不能与用户名相同']);
    expect(passwordIssues('Wang.WeiWei', 'wang.weiwei').zh).toEqual(['密码不能与用户名相同']);
  });

  it('measures the NFKC form: full-width digits typed by an input method are still digits', () => {
    expect(passwordIssues('１２３４５６７８９０').zh).toEqual(['密码不能全是数字']);
    // Ten characters, counted as characters rather than UTF-16 units.
    expect(passwordIssues('𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀').zh).toEqual(['密码至少需要10个字符']);
    expect(passwordIssues('𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀').zh).toEqual([]);
  });

  it('is usable with ValidationError like every other field', () => {
    const issues = new IssueList();
    checkNewPassword(issues, 'newPassword', '123', null);
    expect(() => issues.throwIfAny()).toThrow(ValidationError);
    expect(issues.issues.every((i) => i.field === 'newPassword')).toBe(true);
  });
});

describe('roles', () => {
  it('has the three roles with their Chinese names', () => {
    expect(ROLES).toEqual(['admin', 'secretary', 'auditor']);
    expect(ROLES.map((r) => ROLE_INFO[r].name)).toEqual(['管理员', '支部书记（录入）', '审计']);
  });

  it('reads a role id in any case, or its Chinese name or a synonym', () => {
    expect(parseRole('Admin')).toBe('admin');
    expect(parseRole(' secretary ')).toBe('secretary');
    expect(parseRole('支部书记（录入）')).toBe('secretary');
    expect(parseRole('书记')).toBe('secretary');
    expect(parseRole('审计')).toBe('auditor');
    expect(parseRole('root')).toBeUndefined();
    expect(parseRole(undefined)).toBeUndefined();
  });
});
