import { decideChangeMemberStatus } from './change-member-status';
import { messagesFor, M01, M03, M09, TODAY } from './fixtures.spec-helper';

describe('decideChangeMemberStatus', () => {
  it('records 转正 in the member’s current org', () => {
    expect(decideChangeMemberStatus({ memberId: 'm03', status: '正式党员', on: '2021-07-01' }, { today: TODAY, member: M03 })).toEqual([
      { type: 'MemberStatusChanged', data: { memberId: 'm03', orgId: 'g2', status: 'full', on: '2021-07-01' } },
    ]);
  });

  it('refuses the current status, an unknown or missing status', () => {
    expect(messagesFor(() => decideChangeMemberStatus({ memberId: 'm01', status: 'full' }, { today: TODAY, member: M01 }), 'status')).toEqual(['党员张三（m01）已是正式党员']);
    expect(messagesFor(() => decideChangeMemberStatus({ memberId: 'm01', status: 'x' }, { today: TODAY, member: M01 }), 'status')[0]).toContain('未知的党员类别');
    expect(messagesFor(() => decideChangeMemberStatus({ memberId: 'm01', status: '' }, { today: TODAY, member: M01 }), 'status')[0]).toContain('请填写党员类别');
  });

  it('refuses an unknown member, one who left, and bad dates', () => {
    expect(messagesFor(() => decideChangeMemberStatus({ memberId: 'm99', status: 'full' }, { today: TODAY }), 'memberId')).toEqual(['党员 m99 不存在']);
    expect(messagesFor(() => decideChangeMemberStatus({ memberId: 'm09', status: 'probationary' }, { today: TODAY, member: M09 }), 'memberId')[0]).toContain('已不在册');
    expect(messagesFor(() => decideChangeMemberStatus({ memberId: 'm03', status: 'full', on: '2019-12-31' }, { today: TODAY, member: M03 }), 'on')[0]).toContain('早于党员王五（m03）当前组织关系的起始日期');
    expect(messagesFor(() => decideChangeMemberStatus({ memberId: 'm03', status: 'full', on: '2022-01-01' }, { today: TODAY, member: M03 }), 'on')[0]).toContain('晚于今天');
  });
});
