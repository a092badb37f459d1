import { B1, B2, C1, G1, G2, org } from '../commands/fixtures.spec-helper';
import type { ScopedAccount } from './org-scope';
import { canManageAccount, canRead, canWrite, isInSubtree, parentLookupOf, readableOrgIds } from './org-scope';

// c1 > b1 > g1, g2; c1 > b2; and a separate root c2 > b3.
const ORGS = [C1, B1, G1, G2, B2, org('c2', 'committee', null), org('b3', 'branch', 'c2')];
const tree = parentLookupOf(ORGS);

const account = (role: ScopedAccount['role'], orgId: string | null, disabled = false): ScopedAccount => ({ role, orgId, disabled });

describe('isInSubtree', () => {
  it('holds for the root itself and everything beneath it, nothing else', () => {
    expect(['c1', 'b1', 'g1', 'g2', 'b2'].map((id) => isInSubtree(id, 'c1', tree))).toEqual([true, true, true, true, true]);
    expect(['c2', 'b3'].map((id) => isInSubtree(id, 'c1', tree))).toEqual([false, false]);
    expect(isInSubtree('c1', 'b1', tree)).toBe(false);
    expect(isInSubtree('b2', 'b1', tree)).toBe(false);
  });

  it('knows an unknown org only as itself, and stops on a cycle in corrupt data', () => {
    expect(isInSubtree('ghost', 'ghost', tree)).toBe(true);
    expect(isInSubtree('ghost', 'c1', tree)).toBe(false);
    const looped = parentLookupOf([org('x', 'branch', 'y'), org('y', 'branch', 'x')]);
    expect(isInSubtree('x', 'c1', looped)).toBe(false);
    expect(isInSubtree('x', 'y', looped)).toBe(true);
  });
});

describe('canRead and canWrite', () => {
  it('lets an admin of the whole ledger read and write everything', () => {
    const admin = account('admin', null);
    expect(['c1', 'g2', 'b3', 'unknown'].map((id) => [canRead(admin, id, tree), canWrite(admin, id, tree)])).toEqual([
      [true, true],
      [true, true],
      [true, true],
      [true, true],
    ]);
  });

  it('keeps an admin with an org to that subtree', () => {
    const admin = account('admin', 'c2');
    expect([canRead(admin, 'b3', tree), canWrite(admin, 'b3', tree)]).toEqual([true, true]);
    expect([canRead(admin, 'b1', tree), canWrite(admin, 'b1', tree)]).toEqual([false, false]);
  });

  it('lets a secretary read and write its org and the orgs beneath it, and nothing above or beside', () => {
    const secretary = account('secretary', 'b1');
    for (const id of ['b1', 'g1', 'g2']) expect([canRead(secretary, id, tree), canWrite(secretary, id, tree)]).toEqual([true, true]);
    for (const id of ['c1', 'b2', 'b3']) expect([canRead(secretary, id, tree), canWrite(secretary, id, tree)]).toEqual([false, false]);
  });

  it('lets an auditor read in scope and never write', () => {
    const auditor = account('auditor', 'c1');
    expect(['c1', 'b1', 'g2', 'b2'].every((id) => canRead(auditor, id, tree))).toBe(true);
    expect(canRead(auditor, 'b3', tree)).toBe(false);
    expect(['c1', 'b1', 'g2', 'b3'].some((id) => canWrite(auditor, id, tree))).toBe(false);
  });

  it('gives a disabled account nothing, admin or not', () => {
    for (const a of [account('admin', null, true), account('secretary', 'b1', true), account('auditor', 'c1', true)]) {
      expect(['c1', 'b1', 'g1'].some((id) => canRead(a, id, tree) || canWrite(a, id, tree))).toBe(false);
    }
  });

  it('gives a non-admin without an org nothing (corrupt data, not a licence)', () => {
    expect(canRead(account('auditor', null), 'c1', tree)).toBe(false);
    expect(canWrite(account('secretary', null), 'b1', tree)).toBe(false);
  });
});

describe('canManageAccount', () => {
  it('is for enabled admins only: of the whole ledger for any account, of an org for accounts inside it', () => {
    expect(canManageAccount(account('admin', null), { orgId: null }, tree)).toBe(true);
    expect(canManageAccount(account('admin', null), { orgId: 'b3' }, tree)).toBe(true);
    expect(canManageAccount(account('admin', 'c1'), { orgId: 'g1' }, tree)).toBe(true);
    expect(canManageAccount(account('admin', 'c1'), { orgId: 'b3' }, tree)).toBe(false);
    expect(canManageAccount(account('admin', 'c1'), { orgId: null }, tree)).toBe(false);
    expect(canManageAccount(account('admin', null, true), { orgId: 'b1' }, tree)).toBe(false);
    expect(canManageAccount(account('secretary', 'c1'), { orgId: 'b1' }, tree)).toBe(false);
    expect(canManageAccount(account('auditor', 'c1'), { orgId: 'b1' }, tree)).toBe(false);
  });
});

describe('readableOrgIds', () => {
  it('is null (everything) for an admin of the whole ledger, the subtree for others, empty when disabled', () => {
    expect(readableOrgIds(account('admin', null), ORGS)).toBeNull();
    expect([...(readableOrgIds(account('auditor', 'b1'), ORGS) ?? [])].sort()).toEqual(['b1', 'g1', 'g2']);
    expect([...(readableOrgIds(account('admin', 'c2'), ORGS) ?? [])].sort()).toEqual(['b3', 'c2']);
    expect(readableOrgIds(account('admin', null, true), ORGS)).toEqual(new Set());
  });
});
