import type { MemberDoc } from '../../../domain/src/state';
import { splitNameCell } from './name-list';
import { matchNameCell, rosterIndex } from './roster-names';

const member = (id: string, name: string, periods: [string, string, string | null][]): MemberDoc => ({
  id,
  name,
  orgId: periods[periods.length - 1][2] === null ? periods[periods.length - 1][0] : null,
  status: 'full',
  periods: periods.map(([orgId, from, to]) => ({ orgId, from, to, status: 'full' })),
});

const roster = rosterIndex([
  member('m1', '张三', [['b1', '2019-01-01', null]]),
  member('m2', '李四', [['b1', '2019-01-01', null]]),
  member('m3', '王芳', [['g1', '2019-01-01', null]]),
  member('m4', '赵六', [['b1', '2019-01-01', '2021-06-01'], ['b2', '2021-06-01', null]]),
  member('m5', '张三', [['b2', '2019-01-01', null]]),
  member('m7', '张三', [['b1', '2022-01-01', null]]),
]);
const b1 = (date: string, anyOrg = false) => ({ rosterOrgIds: new Set(['b1', 'g1']), date, anyOrg, orgName: '第一党支部' });

describe('splitNameCell', () => {
  it('splits on 、 commas, semicolons and line breaks, keeping a padded name whole', () => {
    expect(splitNameCell('张三、李四，王五;赵六；钱七\n孙八/周九')).toEqual(['张三', '李四', '王五', '赵六', '钱七', '孙八', '周九']);
    expect(splitNameCell('王  芳、张三')).toEqual(['王 芳', '张三']);
  });
});

describe('matchNameCell', () => {
  it('finds members by name on the roster of that day, 党小组 members included', () => {
    expect(matchNameCell(roster, ['张三', '李四', '王芳'], b1('2021-03-05'))).toEqual({ memberIds: ['m1', 'm2', 'm3'], issues: [] });
  });

  it('follows stints: a transferred member counts before the transfer, not after', () => {
    expect(matchNameCell(roster, ['赵六'], b1('2021-05-31')).memberIds).toEqual(['m4']);
    const after = matchNameCell(roster, ['赵六'], b1('2021-06-01'));
    expect(after.memberIds).toEqual([]);
    expect(after.issues[0].message).toBe('赵六（m4）在 2021-06-01 不是第一党支部的党员');
  });

  it('reports unknown names and never guesses among namesakes on the same roster', () => {
    expect(matchNameCell(roster, ['孙八'], b1('2021-03-05')).issues[0].message).toContain('名册中没有“孙八”');
    const ambiguous = matchNameCell(roster, ['张三'], b1('2022-03-05'));
    expect(ambiguous.memberIds).toEqual([]);
    expect(ambiguous.issues[0].message).toContain('有多名同名党员：张三（m1）、张三（m7）');
    expect(matchNameCell(roster, ['张三（m7）', '张三(m1)'], b1('2022-03-05'))).toEqual({ memberIds: ['m7', 'm1'], issues: [] });
    expect(matchNameCell(roster, ['李四（m1）'], b1('2022-03-05')).issues[0].message).toContain('是张三，不是李四');
  });

  it('reads padded names and names separated by spaces, and member ids', () => {
    expect(matchNameCell(roster, ['王 芳', '张三 李四', 'm4'], b1('2021-03-05')).memberIds).toEqual(['m3', 'm1', 'm2', 'm4']);
  });

  it('lets observers come from any org, but only if they are one person', () => {
    expect(matchNameCell(roster, ['赵六'], b1('2021-07-01', true)).memberIds).toEqual(['m4']);
    expect(matchNameCell(roster, ['张三'], b1('2021-07-01', true)).issues[0].message).toContain('同名');
  });
});
