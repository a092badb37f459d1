import { decideDissolveOrganization } from './dissolve-organization';
import { B1, B2, BX, G1, issuesOf, member, messagesFor, M01, M20, org, stint, TODAY } from './fixtures.spec-helper';

describe('decideDissolveOrganization', () => {
  const formerMember = member('m30', [stint('b2', '2019-01-01', '2021-01-01')]);

  it('dissolves an org without live children or current members', () => {
    const deadChild = org('g5', 'group', 'b2', { dissolvedOn: '2021-01-01' });
    expect(
      decideDissolveOrganization({ orgId: 'b2', on: '2021-11-30', reason: ' 机构撤并 ' }, { today: TODAY, org: B2, children: [deadChild], members: [formerMember] }),
    ).toEqual([{ type: 'OrganizationDissolved', data: { orgId: 'b2', on: '2021-11-30', reason: '机构撤并' } }]);
  });

  it('defaults the date to today', () => {
    expect(decideDissolveOrganization({ orgId: 'b2', reason: '撤并' }, { today: TODAY, org: B2, children: [], members: [] })[0].data).toMatchObject({ on: TODAY });
  });

  it('refuses while live children or current members remain', () => {
    const messages = messagesFor(() => decideDissolveOrganization({ orgId: 'b1', reason: '撤并' }, { today: TODAY, org: B1, children: [G1], members: [M01] }), 'orgId');
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('还有下级组织“第一党小组”（g1）');
    expect(messages[1]).toContain('还有 1 名党员（m01）');
    expect(messagesFor(() => decideDissolveOrganization({ orgId: 'b2', reason: '撤并' }, { today: TODAY, org: B2, children: [], members: [M20] }), 'orgId')[0]).toContain('组织关系转接');
  });

  it('refuses an unknown or already dissolved org, a missing reason and a bad date', () => {
    expect(messagesFor(() => decideDissolveOrganization({ orgId: 'zz', reason: 'x' }, { today: TODAY, children: [], members: [] }), 'orgId')).toEqual(['组织 zz 不存在']);
    expect(messagesFor(() => decideDissolveOrganization({ orgId: 'bx', reason: 'x' }, { today: TODAY, org: BX, children: [], members: [] }), 'orgId')[0]).toContain('已于 2021-06-01 撤销');
    const issues = issuesOf(() => decideDissolveOrganization({ orgId: 'b1', on: '2018-05-05', reason: ' ' }, { today: TODAY, org: B1, children: [], members: [] }));
    expect(issues).toEqual([
      { field: 'reason', message: '请填写撤销组织的原因' },
      { field: 'on', message: '撤销日期 2018-05-05 早于组织成立日期 2019-01-01' },
    ]);
    expect(messagesFor(() => decideDissolveOrganization({ orgId: 'b2', on: '2022-01-01', reason: 'x' }, { today: TODAY, org: B2, children: [], members: [] }), 'on')[0]).toContain('晚于今天');
  });
});
