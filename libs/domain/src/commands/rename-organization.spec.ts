import { decideRenameOrganization } from './rename-organization';
import { B1, BX, messagesFor } from './fixtures.spec-helper';

describe('decideRenameOrganization', () => {
  it('renames, keeping the previous name', () => {
    expect(decideRenameOrganization({ orgId: 'b1', name: ' 第一党支部（机关） ' }, { org: B1 })).toEqual([
      { type: 'OrganizationRenamed', data: { orgId: 'b1', name: '第一党支部（机关）', previousName: '第一党支部' } },
    ]);
  });

  it('refuses an unknown or dissolved org', () => {
    expect(messagesFor(() => decideRenameOrganization({ orgId: 'zz', name: 'X' }, {}), 'orgId')).toEqual(['组织 zz 不存在']);
    expect(messagesFor(() => decideRenameOrganization({ orgId: 'bx', name: 'X' }, { org: BX }), 'orgId')[0]).toContain('已于 2021-06-01 撤销');
  });

  it('refuses a blank or unchanged name', () => {
    expect(messagesFor(() => decideRenameOrganization({ orgId: 'b1', name: ' ' }, { org: B1 }), 'name')).toEqual(['请填写新名称']);
    expect(messagesFor(() => decideRenameOrganization({ orgId: 'b1', name: '第一党支部' }, { org: B1 }), 'name')[0]).toContain('相同');
  });
});
