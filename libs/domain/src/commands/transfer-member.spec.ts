import { decideTransferMember } from './transfer-member';
import { B1, B2, BX, messagesFor, M01, M07, M09, TODAY } from './fixtures.spec-helper';

describe('decideTransferMember', () => {
  it('transfers from the current org, today by default', () => {
    expect(decideTransferMember({ memberId: 'm01', toOrgId: 'b2' }, { today: TODAY, member: M01, target: B2 })).toEqual([
      { type: 'MemberTransferred', data: { memberId: 'm01', fromOrgId: 'b1', toOrgId: 'b2', on: TODAY } },
    ]);
  });

  it('accepts a past date within the current stint', () => {
    expect(decideTransferMember({ memberId: 'm07', toOrgId: 'b2', on: '2021-04-01' }, { today: TODAY, member: M07, target: B2 })[0].data).toMatchObject({ on: '2021-04-01', fromOrgId: 'b1' });
  });

  it('refuses an unknown member or one who left', () => {
    expect(messagesFor(() => decideTransferMember({ memberId: 'm99', toOrgId: 'b2' }, { today: TODAY, target: B2 }), 'memberId')).toEqual(['党员 m99 不存在']);
    expect(messagesFor(() => decideTransferMember({ memberId: 'm09', toOrgId: 'b2' }, { today: TODAY, member: M09, target: B2 }), 'memberId')[0]).toContain('已不在册');
  });

  it('refuses the same org and an unknown or dissolved target', () => {
    expect(messagesFor(() => decideTransferMember({ memberId: 'm01', toOrgId: 'b1' }, { today: TODAY, member: M01, target: B1 }), 'toOrgId')[0]).toContain('无需转接');
    expect(messagesFor(() => decideTransferMember({ memberId: 'm01', toOrgId: 'zz' }, { today: TODAY, member: M01 }), 'toOrgId')).toEqual(['组织 zz 不存在']);
    expect(messagesFor(() => decideTransferMember({ memberId: 'm01', toOrgId: 'bx' }, { today: TODAY, member: M01, target: BX }), 'toOrgId')[0]).toContain('撤销');
  });

  it('refuses a date before the current stint or in the future', () => {
    expect(messagesFor(() => decideTransferMember({ memberId: 'm07', toOrgId: 'b2', on: '2021-03-31' }, { today: TODAY, member: M07, target: B2 }), 'on')).toEqual([
      '日期 2021-03-31 早于党员赵六（m07）当前组织关系的起始日期 2021-04-01',
    ]);
    expect(messagesFor(() => decideTransferMember({ memberId: 'm01', toOrgId: 'b2', on: '2022-01-01' }, { today: TODAY, member: M01, target: B2 }), 'on')[0]).toContain('晚于今天');
  });
});
