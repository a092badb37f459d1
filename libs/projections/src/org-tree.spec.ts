import { ValidationError } from '../../domain/src';
import { childrenIndex, descendantIdsOf, descendantsOf, existedDuring, groupsOf, loadScope } from './org-tree';
import { orgDoc, viewOf } from './queries.spec-helper';

const orgs = [
  orgDoc('b2', 'branch', 'c1'),
  orgDoc('c1', 'committee', null),
  orgDoc('b1', 'branch', 'c1'),
  orgDoc('g1', 'group', 'b1'),
  orgDoc('g2', 'group', 'b1'),
  orgDoc('x', 'committee', null),
];

describe('org tree', () => {
  it('lists the root first, then each child followed by its own subtree', () => {
    expect(descendantIdsOf(orgs, 'c1')).toEqual(['c1', 'b2', 'b1', 'g1', 'g2']);
    expect(descendantIdsOf(orgs, 'b1')).toEqual(['b1', 'g1', 'g2']);
    expect(descendantIdsOf(orgs, 'g2')).toEqual(['g2']);
  });

  it('gives nothing for an unknown root and survives a cyclic tree', () => {
    expect(descendantsOf(orgs, 'nope')).toEqual([]);
    const cyclic = [orgDoc('a', 'committee', 'b'), orgDoc('b', 'committee', 'a')];
    expect(descendantIdsOf(cyclic, 'a')).toEqual(['a', 'b']);
  });

  it('indexes children by parent and finds the 党小组 of a branch', () => {
    const index = childrenIndex(orgs);
    expect(index.get(null)?.map((o) => o.id)).toEqual(['c1', 'x']);
    expect(groupsOf(index, 'b1').map((o) => o.id)).toEqual(['g1', 'g2']);
    expect(groupsOf(index, 'c1')).toEqual([]);
  });

  it('knows whether an org existed during a period, dissolution day included', () => {
    const org = orgDoc('b', 'branch', null, { establishedOn: '2021-03-15', dissolvedOn: '2021-09-01' });
    expect(existedDuring(org, '2021-01-01', '2021-03-14')).toBe(false);
    expect(existedDuring(org, '2021-03-01', '2021-03-31')).toBe(true);
    expect(existedDuring(org, '2021-09-01', '2021-09-30')).toBe(true);
    expect(existedDuring(org, '2021-10-01', '2021-10-31')).toBe(false);
    expect(existedDuring(orgDoc('y', 'branch', null), '1990-01-01', '1990-12-31')).toBe(true);
  });

  it('loads a scope alone or with its subtree, and refuses an unknown org in Chinese', async () => {
    const view = viewOf({ orgs });
    expect((await loadScope(view, 'b1', false)).orgs.map((o) => o.id)).toEqual(['b1']);
    expect((await loadScope(view, 'b1', true)).orgs.map((o) => o.id)).toEqual(['b1', 'g1', 'g2']);
    await expect(loadScope(view, 'nope', true)).rejects.toThrow(ValidationError);
    await expect(loadScope(view, 'nope', false)).rejects.toMatchObject({ issues: [{ field: 'orgId', message: '找不到组织“nope”' }] });
  });
});
