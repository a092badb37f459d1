import { decideRegisterOrganization, RegisterOrganizationInput } from './register-organization';
import { B1, BX, C1, G1, issuesOf, messagesFor, org, TODAY } from './fixtures.spec-helper';

const base: RegisterOrganizationInput = { id: 'b9', name: '第九党支部', kind: 'branch', parentId: 'c1' };

describe('decideRegisterOrganization', () => {
  it('registers a branch under a committee', () => {
    const events = decideRegisterOrganization({ ...base, name: ' 第九党支部 ', establishedOn: '2020-3-1' }, { today: TODAY, parent: C1 });
    expect(events).toEqual([
      {
        type: 'OrganizationRegistered',
        data: { orgId: 'b9', name: '第九党支部', kind: 'branch', parentId: 'c1', establishedOn: '2020-03-01' },
      },
    ]);
  });

  it('accepts Chinese kind names', () => {
    const kinds = ['党委', '党组', '党总支', '党支部'].map(
      (kind) => (decideRegisterOrganization({ id: 'x', name: 'X', kind }, { today: TODAY })[0].data as { kind: string }).kind,
    );
    expect(kinds).toEqual(['committee', 'leading-group', 'general-branch', 'branch']);
    const group = decideRegisterOrganization({ id: 'g9', name: '第九党小组', kind: '党小组', parentId: 'b1' }, { today: TODAY, parent: B1 });
    expect(group[0].data).toMatchObject({ kind: 'group', parentId: 'b1' });
  });

  it('allows any kind but a group as a root', () => {
    for (const kind of ['committee', 'leading-group', 'general-branch', 'branch']) {
      expect(decideRegisterOrganization({ id: 'r', name: 'R', kind }, { today: TODAY })[0].data).toMatchObject({ parentId: null });
    }
    expect(messagesFor(() => decideRegisterOrganization({ id: 'g9', name: 'G', kind: 'group' }, { today: TODAY }), 'parentId')[0]).toContain('必须隶属于上级组织');
  });

  it('refuses a missing, too long or malformed id', () => {
    expect(messagesFor(() => decideRegisterOrganization({ ...base, id: '  ' }, { today: TODAY, parent: C1 }), 'id')).toEqual(['请填写组织编号']);
    expect(messagesFor(() => decideRegisterOrganization({ ...base, id: 'a'.repeat(65) }, { today: TODAY, parent: C1 }), 'id')[0]).toContain('过长');
    expect(messagesFor(() => decideRegisterOrganization({ ...base, id: '一支部' }, { today: TODAY, parent: C1 }), 'id')[0]).toContain('只能包含');
    expect(decideRegisterOrganization({ ...base, id: 'A_b-9'.padEnd(64, 'x') }, { today: TODAY, parent: C1 })).toHaveLength(1);
  });

  it('refuses a duplicate id', () => {
    expect(messagesFor(() => decideRegisterOrganization(base, { today: TODAY, parent: C1, existing: org('b9', 'branch', 'c1', { name: '旧支部' }) }), 'id')).toEqual([
      '组织编号 b9 已被“旧支部”（b9）使用',
    ]);
  });

  it('refuses an unknown or missing kind', () => {
    expect(messagesFor(() => decideRegisterOrganization({ ...base, kind: '党校' }, { today: TODAY, parent: C1 }), 'kind')[0]).toContain('未知的组织类型：党校');
    expect(messagesFor(() => decideRegisterOrganization({ ...base, kind: '' }, { today: TODAY, parent: C1 }), 'kind')[0]).toContain('请填写组织类型');
  });

  it('refuses an unknown, dissolved or unsuitable parent, and itself as parent', () => {
    expect(messagesFor(() => decideRegisterOrganization({ ...base, parentId: 'zz' }, { today: TODAY }), 'parentId')).toEqual(['上级组织 zz 不存在']);
    expect(messagesFor(() => decideRegisterOrganization({ ...base, parentId: 'bx' }, { today: TODAY, parent: BX }), 'parentId')[0]).toContain('已于 2021-06-01 撤销');
    expect(messagesFor(() => decideRegisterOrganization({ ...base, parentId: 'g1' }, { today: TODAY, parent: G1 }), 'parentId')[0]).toBe(
      '党支部不能隶属于党小组“第一党小组”（g1）（上级应为党委或党总支）',
    );
    expect(messagesFor(() => decideRegisterOrganization({ ...base, parentId: 'b9' }, { today: TODAY }), 'parentId')).toEqual(['组织不能隶属于自己']);
  });

  it('refuses a bad establishment date', () => {
    expect(messagesFor(() => decideRegisterOrganization({ ...base, establishedOn: '2022-01-01' }, { today: TODAY, parent: C1 }), 'establishedOn')[0]).toContain('晚于今天');
    expect(messagesFor(() => decideRegisterOrganization({ ...base, establishedOn: '2021-02-30' }, { today: TODAY, parent: C1 }), 'establishedOn')).toEqual(['日期不存在：2021-02-30']);
  });

  it('lists every bad field at once', () => {
    const fields = issuesOf(() => decideRegisterOrganization({ id: '', name: '', kind: 'x', establishedOn: 'soon' }, { today: TODAY })).map((i) => i.field);
    expect(fields).toEqual(['id', 'name', 'kind', 'establishedOn']);
  });
});
