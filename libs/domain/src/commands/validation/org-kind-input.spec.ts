import { resolveMemberStatus } from './member-status-input';
import { resolveOrgKind } from './org-kind-input';

describe('kind and status words', () => {
  it('resolves org kinds by id or Chinese name', () => {
    expect(resolveOrgKind('机关党委')).toBe('committee');
    expect(resolveOrgKind(' 党总支 ')).toBe('general-branch');
    expect(resolveOrgKind('group')).toBe('group');
    expect(resolveOrgKind('党校')).toBeUndefined();
  });

  it('resolves member statuses by id or Chinese name', () => {
    expect(resolveMemberStatus('预备党员')).toBe('probationary');
    expect(resolveMemberStatus('full')).toBe('full');
    expect(resolveMemberStatus('群众')).toBeUndefined();
  });
});
