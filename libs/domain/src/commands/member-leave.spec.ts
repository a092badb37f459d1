import { decideMemberLeave } from './member-leave';
import { messagesFor, M02, M07, M09, TODAY } from './fixtures.spec-helper';

describe('decideMemberLeave', () => {
  it('records leaving today by default, with an optional reason', () => {
    expect(decideMemberLeave({ memberId: 'm02' }, { today: TODAY, member: M02 })).toEqual([
      { type: 'MemberLeft', data: { memberId: 'm02', orgId: 'g1', on: TODAY, reason: null } },
    ]);
    expect(decideMemberLeave({ memberId: 'm02', on: '2021-10-01', reason: ' 出党 ' }, { today: TODAY, member: M02 })[0].data).toMatchObject({ on: '2021-10-01', reason: '出党' });
  });

  it('refuses an unknown member, one who already left, and bad dates', () => {
    expect(messagesFor(() => decideMemberLeave({ memberId: 'm99' }, { today: TODAY }), 'memberId')).toEqual(['党员 m99 不存在']);
    expect(messagesFor(() => decideMemberLeave({ memberId: 'm09' }, { today: TODAY, member: M09 }), 'memberId')[0]).toContain('已不在册');
    expect(messagesFor(() => decideMemberLeave({ memberId: '' }, { today: TODAY }), 'memberId')).toEqual(['请填写党员编号']);
    expect(messagesFor(() => decideMemberLeave({ memberId: 'm07', on: '2021-01-01' }, { today: TODAY, member: M07 }), 'on')[0]).toContain('起始日期 2021-04-01');
    expect(messagesFor(() => decideMemberLeave({ memberId: 'm07', on: '2021-13-01' }, { today: TODAY, member: M07 }), 'on')).toEqual(['日期不存在：2021-13-01']);
  });
});
