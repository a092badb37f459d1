import { CorrectActivityInput, decideCorrectActivity } from './correct-activity';
import type { CorrectActivityFacts } from './facts';
import { activityDoc, B1, details, G1, G2, issuesOf, MEMBERS, messagesFor, TODAY } from './fixtures.spec-helper';

const stored = activityDoc(
  'a1',
  'b1',
  details({
    date: '2021-05-10',
    kinds: ['party-lecture', 'theme-day'],
    qualifier: 'secretary',
    title: '学习党史',
    attendees: [
      { memberId: 'm01', status: 'present' },
      { memberId: 'm07', status: 'present' },
      { memberId: 'm03', status: 'leave' },
    ],
    hours: 2,
    quantities: [
      { amount: 3, unit: '篇', item: '心得体会' },
      { amount: 20, unit: '册', item: '学习书籍' },
    ],
  }),
);
const facts: CorrectActivityFacts = { today: TODAY, org: B1, childGroups: [G1, G2], members: MEMBERS, existing: stored };
const correct = (input: Partial<CorrectActivityInput>, f: Partial<CorrectActivityFacts> = {}) => () =>
  decideCorrectActivity({ activityId: 'a1', reason: '核对签到表', ...input }, { ...facts, ...f });

describe('decideCorrectActivity', () => {
  it('lays the given fields over the stored record and names what changed', () => {
    const [event] = correct({ title: ' 学习党史（第二讲） ', leave: [], absent: ['m03'] })();
    expect(event).toEqual({
      type: 'ActivityCorrected',
      data: {
        activityId: 'a1',
        orgId: 'b1',
        reason: '核对签到表',
        changedFields: ['title', 'attendees'],
        activity: {
          ...stored.details,
          title: '学习党史（第二讲）',
          attendees: [
            { memberId: 'm01', status: 'present' },
            { memberId: 'm07', status: 'present' },
            { memberId: 'm03', status: 'absent' },
          ],
        },
      },
    });
  });

  it('clears a field given as empty and keeps stored quantities unless one is given', () => {
    const [cleared] = correct({ hours: '', note: '补记' })();
    expect(cleared.data).toMatchObject({ changedFields: ['hours', 'note'] });
    expect(cleared.type === 'ActivityCorrected' && cleared.data.activity.quantities).toHaveLength(2);
    const [unit] = correct({ unit: '份' })();
    expect(unit.type === 'ActivityCorrected' && unit.data.activity.quantities).toEqual([{ amount: 3, unit: '份', item: '心得体会' }]);
  });

  it('accepts kinds by Chinese name and the org id when unchanged', () => {
    const [event] = correct({ orgId: 'b1', kinds: ['主题党日', '专题党课', '支部大会'] })();
    expect(event.data).toMatchObject({ changedFields: ['kinds'], activity: { kinds: ['branch-assembly', 'party-lecture', 'theme-day'], qualifier: 'secretary' } });
  });

  it('re-validates the whole merged record', () => {
    // m07 joined b1 on 2021-04-01: moving the date earlier makes the stored attendance invalid.
    expect(messagesFor(correct({ date: '2021-03-05' }), 'attendees')).toEqual(['党员 赵六（m07）在 2021-03-05 不是本组织党员']);
    // Dropping 党课 leaves a qualifier no kind allows, unless it is cleared too.
    expect(messagesFor(correct({ kinds: ['主题党日'] }), 'qualifier')[0]).toContain('不适用于所选活动类型');
    expect(correct({ kinds: ['主题党日'], qualifier: '' })()[0].data).toMatchObject({ changedFields: ['kinds', 'qualifier'] });
    expect(messagesFor(correct({ hours: 40 }), 'hours')[0]).toContain('学时不合理');
  });

  it('refuses a correction that changes nothing', () => {
    expect(issuesOf(correct({}))).toEqual([{ field: 'activity', message: '没有需要更正的内容' }]);
    expect(issuesOf(correct({ title: '学习党史', kinds: ['党课', '主题党日'], attendees: ['m01', 'm07'] }))).toEqual([{ field: 'activity', message: '没有需要更正的内容' }]);
  });

  it('refuses an unknown or voided activity and a missing reason', () => {
    expect(issuesOf(correct({ activityId: 'a9', reason: ' ' }, { existing: undefined }))).toEqual([
      { field: 'activityId', message: '活动 a9 不存在' },
      { field: 'reason', message: '请填写更正的原因' },
    ]);
    expect(messagesFor(correct({ title: 'x' }, { existing: { ...stored, voided: true } }), 'activityId')).toEqual(['活动 a1 已作废，不能更正']);
    expect(messagesFor(correct({ title: 'x', reason: '' }), 'reason')).toEqual(['请填写更正的原因']);
  });

  it('refuses moving the activity to another org', () => {
    expect(messagesFor(correct({ orgId: 'b2' }), 'orgId')[0]).toContain('不能更正活动所属组织');
  });
});
