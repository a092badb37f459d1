import { decideEnrollMember, EnrollMemberInput } from './enroll-member';
import { B1, BX, issuesOf, messagesFor, M01, M09, TODAY } from './fixtures.spec-helper';

const base: EnrollMemberInput = { memberId: 'm50', orgId: 'b1', name: '周九' };

describe('decideEnrollMember', () => {
  it('enrolls a full member since today by default', () => {
    expect(decideEnrollMember(base, { today: TODAY, org: B1 })).toEqual([
      { type: 'MemberEnrolled', data: { memberId: 'm50', orgId: 'b1', name: '周九', status: 'full', since: TODAY } },
    ]);
  });

  it('accepts Chinese status names and a given date', () => {
    const [event] = decideEnrollMember({ ...base, status: '预备党员', since: '2021年7月1日' }, { today: TODAY, org: B1 });
    expect(event.data).toMatchObject({ status: 'probationary', since: '2021-07-01' });
    expect(decideEnrollMember({ ...base, status: '正式党员' }, { today: TODAY, org: B1 })[0].data).toMatchObject({ status: 'full' });
  });

  it('refuses an id used by a current member', () => {
    expect(messagesFor(() => decideEnrollMember({ ...base, memberId: 'm01' }, { today: TODAY, org: B1, existing: M01 }), 'memberId')).toEqual([
      '党员编号 m01 已被张三（m01）使用（所在组织 b1）',
    ]);
  });

  it('lets a member who left re-enroll, but not before the day they left', () => {
    const [event] = decideEnrollMember({ ...base, memberId: 'm09', name: '钱七', since: '2021-09-01' }, { today: TODAY, org: B1, existing: M09 });
    expect(event.data).toMatchObject({ memberId: 'm09', since: '2021-09-01' });
    expect(messagesFor(() => decideEnrollMember({ ...base, memberId: 'm09', since: '2021-01-15' }, { today: TODAY, org: B1, existing: M09 }), 'since')[0]).toContain('于 2021-02-01 离开');
  });

  it('refuses a future date, unknown status, unknown or dissolved org and a bad id', () => {
    expect(messagesFor(() => decideEnrollMember({ ...base, since: '2022-01-01' }, { today: TODAY, org: B1 }), 'since')[0]).toContain('晚于今天');
    expect(messagesFor(() => decideEnrollMember({ ...base, status: '积极分子' }, { today: TODAY, org: B1 }), 'status')[0]).toContain('未知的党员类别：积极分子');
    expect(messagesFor(() => decideEnrollMember({ ...base, orgId: 'zz' }, { today: TODAY }), 'orgId')).toEqual(['组织 zz 不存在']);
    expect(messagesFor(() => decideEnrollMember({ ...base, orgId: 'bx' }, { today: TODAY, org: BX }), 'orgId')[0]).toContain('撤销');
    expect(messagesFor(() => decideEnrollMember({ ...base, memberId: 'm 50' }, { today: TODAY, org: B1 }), 'memberId')[0]).toContain('只能包含');
  });

  it('lists every bad field', () => {
    expect(issuesOf(() => decideEnrollMember({ memberId: '', orgId: '', name: '' }, { today: TODAY })).map((i) => i.field)).toEqual(['memberId', 'orgId', 'name']);
  });
});
