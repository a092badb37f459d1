import { memberDoc } from '../../../projections/src/queries.spec-helper';
import { ACTIVITIES, MEMBERS, names } from './export.spec-helper';
import { memberAttendanceSheet } from './member-attendance-sheet';

describe('member attendance', () => {
  const outsider = { ...memberDoc('m9', [{ orgId: 'elsewhere' }]), name: '赵六' };
  const formerMember = { ...memberDoc('m8', [{ orgId: 'b1', from: '2010-01-01', to: '2019-06-01' }]), name: '钱七' };
  const sheet = memberAttendanceSheet({
    activities: ACTIVITIES,
    members: [...MEMBERS, outsider, formerMember],
    scopeOrgIds: ['b1', 'g1', 'g2'],
    year: 2021,
    names: names(),
  });
  const row = (name: string) => {
    const found = sheet.rows.find((r) => r[0] === name);
    if (!found) throw new Error(`no row for ${name}`);
    return found;
  };
  const value = (name: string, header: string) => row(name)[sheet.columns.findIndex((c) => c.header === header)];

  it('lists members of the scope that year, org by org in pinyin order, not those who left before it or never belonged', () => {
    expect(sheet.rows.map((r) => r[0])).toEqual(['李四', '张三', '王五']);
    expect(row('王五').slice(1, 3)).toEqual(['第二党小组', '预备党员']);
  });

  it('counts present, leave and absent by kind, a combined sitting for each kind, observers not at all', () => {
    expect(value('张三', '支部党员大会出席')).toBe(1);
    expect(value('张三', '党课出席')).toBe(1);
    expect(value('张三', '党小组会出席')).toBe(1);
    expect(value('张三', '出席合计')).toBe(2);
    expect(value('李四', '党小组会缺席')).toBe(1);
    expect(value('李四', '缺席合计')).toBe(1);
    expect(value('王五', '党课请假')).toBe(1);
    expect(value('王五', '请假合计')).toBe(1);
    expect(value('王五', '党小组会出席')).toBe(0);
    expect(value('王五', '出席合计')).toBe(0);
  });

  it('lists someone named on an activity though unknown to the roster, by id', () => {
    const withStranger = memberAttendanceSheet({
      activities: [{ ...ACTIVITIES[0], details: { ...ACTIVITIES[0].details, attendees: [{ memberId: 'm-x', status: 'present' }] } }],
      members: [],
      scopeOrgIds: ['b1'],
      year: 2021,
      names: names(),
    });
    expect(withStranger.rows).toHaveLength(1);
    expect(withStranger.rows[0][0]).toBe('m-x');
    expect(withStranger.rows[0][withStranger.columns.findIndex((c) => c.header === '出席合计')]).toBe(1);
  });
});
