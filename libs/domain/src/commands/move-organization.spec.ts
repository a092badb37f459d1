import { decideMoveOrganization } from './move-organization';
import { B1, B2, BX, C1, G1, messagesFor, org } from './fixtures.spec-helper';

const GB = org('gb', 'general-branch', 'c1', { name: '党总支' });

describe('decideMoveOrganization', () => {
  it('moves a branch under a general branch', () => {
    expect(decideMoveOrganization({ orgId: 'b1', parentId: 'gb' }, { org: B1, parent: GB, parentAncestorIds: ['c1'] })).toEqual([
      { type: 'OrganizationMoved', data: { orgId: 'b1', parentId: 'gb', previousParentId: 'c1' } },
    ]);
  });

  it('makes a branch a root when no parent is given, but never a group', () => {
    expect(decideMoveOrganization({ orgId: 'b1', parentId: '' }, { org: B1, parentAncestorIds: [] })[0].data).toMatchObject({ parentId: null });
    expect(messagesFor(() => decideMoveOrganization({ orgId: 'g1', parentId: null }, { org: G1, parentAncestorIds: [] }), 'parentId')[0]).toContain('必须隶属于');
  });

  it('moves a group to another branch', () => {
    expect(decideMoveOrganization({ orgId: 'g1', parentId: 'b2' }, { org: G1, parent: B2, parentAncestorIds: ['c1'] })[0].data).toMatchObject({ parentId: 'b2', previousParentId: 'b1' });
  });

  it('refuses cycles: under itself or under a descendant', () => {
    expect(messagesFor(() => decideMoveOrganization({ orgId: 'c1', parentId: 'c1' }, { org: C1, parent: C1, parentAncestorIds: [] }), 'parentId')[0]).toContain('它自己或它的下级组织');
    const sub = org('c2', 'committee', 'c1');
    expect(messagesFor(() => decideMoveOrganization({ orgId: 'c1', parentId: 'c2' }, { org: C1, parent: sub, parentAncestorIds: ['c1'] }), 'parentId')[0]).toContain('下级组织');
  });

  it('refuses the same parent, an unknown or dissolved org or parent, and an unsuitable parent kind', () => {
    expect(messagesFor(() => decideMoveOrganization({ orgId: 'b1', parentId: 'c1' }, { org: B1, parent: C1, parentAncestorIds: [] }), 'parentId')[0]).toContain('无需调整');
    expect(messagesFor(() => decideMoveOrganization({ orgId: 'zz', parentId: 'c1' }, { parent: C1, parentAncestorIds: [] }), 'orgId')).toEqual(['组织 zz 不存在']);
    expect(messagesFor(() => decideMoveOrganization({ orgId: 'bx', parentId: 'c1' }, { org: BX, parent: C1, parentAncestorIds: [] }), 'orgId')[0]).toContain('撤销');
    expect(messagesFor(() => decideMoveOrganization({ orgId: 'b1', parentId: 'zz' }, { org: B1, parentAncestorIds: [] }), 'parentId')).toEqual(['上级组织 zz 不存在']);
    expect(messagesFor(() => decideMoveOrganization({ orgId: 'b1', parentId: 'b2' }, { org: B1, parent: B2, parentAncestorIds: ['c1'] }), 'parentId')[0]).toContain('党支部不能隶属于党支部');
  });
});
