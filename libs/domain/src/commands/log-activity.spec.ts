import type { ActivityDetails } from '../activity';
import { decideLogActivity, LogActivityInput } from './log-activity';
import type { LogActivityFacts } from './facts';
import { activityDoc, B1, B2, BX, G1, G2, issuesOf, MEMBERS, messagesFor, org, TODAY } from './fixtures.spec-helper';

const facts: LogActivityFacts = { today: TODAY, org: B1, childGroups: [G1, G2, B2], members: MEMBERS };
const base: LogActivityInput = { activityId: 'a1', orgId: 'b1', date: '2021-03-05', kinds: ['支部党员大会'] };

function loggedDetails(input: Partial<LogActivityInput>, f: Partial<LogActivityFacts> = {}): ActivityDetails {
  const { events } = decideLogActivity({ ...base, ...input }, { ...facts, ...f });
  const event = events[0];
  if (event?.type !== 'ActivityLogged') throw new Error('expected ActivityLogged');
  return event.data.activity;
}

const log = (input: Partial<LogActivityInput>, f: Partial<LogActivityFacts> = {}) => () => decideLogActivity({ ...base, ...input }, { ...facts, ...f });

describe('decideLogActivity: accepted records', () => {
  it('normalises a combined sitting given by Chinese names', () => {
    const decision = decideLogActivity(
      {
        activityId: 'a1',
        orgId: 'b1',
        date: '2021-3-5',
        kinds: ['主题党日', '党课', '党员大会'],
        qualifier: '支部书记',
        title: ' 学习党史 ',
        place: '',
        host: '张三',
        speaker: null,
        attendees: ['m01', 'm02'],
        leave: 'm03',
        observers: ['m20'],
        headcount: '２',
        hours: '2.5',
        quantity: '3',
        unit: ' 篇 ',
        item: '心得体会',
        note: '  ',
      },
      facts,
    );
    expect(decision.activityId).toBe('a1');
    expect(decision.events).toEqual([
      {
        type: 'ActivityLogged',
        data: {
          activityId: 'a1',
          orgId: 'b1',
          activity: {
            date: '2021-03-05',
            kinds: ['branch-assembly', 'party-lecture', 'theme-day'],
            qualifier: 'secretary',
            title: '学习党史',
            place: null,
            host: '张三',
            speaker: null,
            attendees: [
              { memberId: 'm01', status: 'present' },
              { memberId: 'm02', status: 'present' },
              { memberId: 'm03', status: 'leave' },
              { memberId: 'm20', status: 'observer' },
            ],
            headcount: 2,
            hours: 2.5,
            quantities: [{ amount: 3, unit: '篇', item: '心得体会' }],
            groups: [],
            note: null,
          },
        },
      },
    ]);
  });

  it('accepts kind ids and comma-separated lists', () => {
    const d = loggedDetails({ kinds: 'theme-day,committee-meeting', attendees: 'm01，m02、m03' });
    expect(d.kinds).toEqual(['committee-meeting', 'theme-day']);
    expect(d.attendees.map((a) => a.memberId)).toEqual(['m01', 'm02', 'm03']);
  });

  it('records a joint group meeting with its groups by id or name', () => {
    const d = loggedDetails({ kinds: ['党小组会'], groups: ['g1', '第二党小组'], attendees: ['m02', 'm03'], absent: ['m01'] });
    expect(d.kinds).toEqual(['group-meeting']);
    expect(d.groups).toEqual(['g1', 'g2']);
    expect(d.attendees).toEqual([
      { memberId: 'm02', status: 'present' },
      { memberId: 'm03', status: 'present' },
      { memberId: 'm01', status: 'absent' },
    ]);
  });

  it('lets a group log its own meeting', () => {
    const d = loggedDetails({ orgId: 'g1', kinds: '党小组会', attendees: ['m02'] }, { org: G1, childGroups: [] });
    expect(d.attendees).toEqual([{ memberId: 'm02', status: 'present' }]);
  });

  it('takes the qualifier from a kind word that names one (诫勉谈话)', () => {
    expect(loggedDetails({ kinds: ['诫勉谈话'] }).qualifier).toBe('admonition');
    expect(loggedDetails({ kinds: ['约谈'], qualifier: '提醒谈话' }).qualifier).toBe('reminder');
    expect(loggedDetails({ kinds: ['admonition-talk'] }).qualifier).toBeNull();
  });

  it('resolves a qualifier by id against any kind of the record', () => {
    expect(loggedDetails({ kinds: ['主题党日', '发展党员'], qualifier: '预备党员' }).qualifier).toBe('probationary');
    expect(loggedDetails({ kinds: ['党课'], qualifier: 'invited' }).qualifier).toBe('invited');
  });

  it('checks membership on the activity date, not today', () => {
    expect(loggedDetails({ date: '2021-01-15', attendees: ['m09'] }).attendees).toEqual([{ memberId: 'm09', status: 'present' }]);
    expect(loggedDetails({ date: '2021-04-01', attendees: ['m07'] }).attendees).toEqual([{ memberId: 'm07', status: 'present' }]);
  });

  it('allows back-filling a dissolved org before it was dissolved', () => {
    expect(loggedDetails({ orgId: 'bx', date: '2021-05-31' }, { org: BX, childGroups: [] }).date).toBe('2021-05-31');
  });

  it('accepts today and 1921', () => {
    expect(loggedDetails({ date: TODAY }).date).toBe(TODAY);
    expect(loggedDetails({ date: '1921-07-01' }, { members: {} }).date).toBe('1921-07-01');
  });

  it('returns no events when the same activity was already logged under the id (a retry)', () => {
    const first = loggedDetails({ kinds: ['党课'], qualifier: '书记', attendees: ['m01'] });
    const retry = decideLogActivity({ ...base, kinds: ['党课'], qualifier: 'secretary', attendees: 'm01' }, { ...facts, existing: activityDoc('a1', 'b1', first) });
    expect(retry).toEqual({ events: [], activityId: 'a1' });
  });
});

describe('decideLogActivity: refusals', () => {
  it('refuses a different activity under an existing id', () => {
    const existing = activityDoc('a1', 'b1', loggedDetails({}));
    expect(messagesFor(log({ title: '另一次会议' }, { existing }), 'activityId')).toEqual(['活动编号 a1 已被另一条活动记录使用']);
    expect(messagesFor(log({ orgId: 'b2' }, { org: B2, existing }), 'activityId')).toHaveLength(1);
  });

  it('requires an activity id', () => {
    expect(messagesFor(log({ activityId: undefined }), 'activityId')).toEqual(['请填写活动编号']);
    expect(messagesFor(log({ activityId: 'a/1' }), 'activityId')[0]).toContain('只能包含');
  });

  it('refuses an unknown org and a dissolved one on the date', () => {
    expect(messagesFor(log({ orgId: 'zz' }, { org: undefined }), 'orgId')).toEqual(['组织 zz 不存在']);
    expect(messagesFor(log({ orgId: '' }, { org: undefined }), 'orgId')).toEqual(['请填写组织编号']);
    expect(messagesFor(log({ orgId: 'bx', date: '2021-06-01' }, { org: BX, childGroups: [] }), 'orgId')).toEqual([
      '组织“已撤销支部”（bx）已于 2021-06-01 撤销，不能登记 2021-06-01 的活动',
    ]);
  });

  it('refuses missing, unknown and duplicate kinds', () => {
    expect(messagesFor(log({ kinds: [] }), 'kinds')[0]).toContain('请至少填写一种活动类型');
    expect(messagesFor(log({ kinds: ' , ' }), 'kinds')[0]).toContain('请至少填写一种活动类型');
    expect(messagesFor(log({ kinds: ['党课', '茶话会'] }), 'kinds')).toEqual(['未知的活动类型：茶话会']);
    expect(messagesFor(log({ kinds: ['党课', '专题党课'] }), 'kinds')).toEqual(['活动类型重复：“党课”和“专题党课”都是“党课”']);
    expect(messagesFor(log({ kinds: ['党课', '党课'] }), 'kinds')).toEqual(['活动类型重复：“党课”重复填写']);
  });

  it('refuses a kind the org cannot hold', () => {
    expect(messagesFor(log({ kinds: ['民主生活会'] }), 'kinds')).toEqual(['党支部“第一党支部”（b1）不能开展“民主生活会”（适用于：党委、党组）']);
    const committee = org('c1', 'committee', null, { name: '机关党委' });
    expect(messagesFor(log({ orgId: 'c1', kinds: ['支委会'] }, { org: committee, childGroups: [] }), 'kinds')[0]).toContain('不能开展“支部委员会会议”');
  });

  it('refuses missing, malformed, impossible, future and pre-1921 dates', () => {
    expect(messagesFor(log({ date: '' }), 'date')).toEqual(['请填写活动日期']);
    expect(messagesFor(log({ date: '3月5日' }), 'date')).toEqual(['活动日期格式不正确：3月5日（应为 YYYY-MM-DD）']);
    expect(messagesFor(log({ date: '2021-02-30' }), 'date')).toEqual(['日期不存在：2021-02-30']);
    expect(messagesFor(log({ date: '2022-01-01' }), 'date')).toEqual(['活动日期晚于今天（2021-12-31）：2022-01-01']);
    expect(messagesFor(log({ date: '1920-12-31' }), 'date')).toEqual(['活动日期早于1921年：1920-12-31']);
  });

  it('refuses people who were not members of the org or its groups on the date', () => {
    expect(messagesFor(log({ attendees: ['m07'] }), 'attendees')).toEqual(['党员 赵六（m07）在 2021-03-05 不是本组织党员']);
    expect(messagesFor(log({ leave: ['m09'] }), 'leave')).toEqual(['党员 钱七（m09）在 2021-03-05 不是本组织党员']);
    expect(messagesFor(log({ absent: ['m20'] }), 'absent')).toEqual(['党员 孙八（m20）在 2021-03-05 不是本组织党员']);
    expect(messagesFor(log({ attendees: ['m99'] }), 'attendees')).toEqual(['出席名单中的党员 m99 不存在']);
  });

  it('ends a stint on the day of leaving or transfer (that day belongs to the next org)', () => {
    expect(messagesFor(log({ date: '2021-02-01', attendees: ['m09'] }), 'attendees')).toEqual(['党员 钱七（m09）在 2021-02-01 不是本组织党员']);
    expect(messagesFor(log({ orgId: 'b2', date: '2021-04-01', attendees: ['m07'] }, { org: B2, childGroups: [] }), 'attendees')).toHaveLength(1);
    expect(loggedDetails({ orgId: 'b2', date: '2021-03-31', attendees: ['m07'] }, { org: B2, childGroups: [] }).attendees).toHaveLength(1);
  });

  it('takes observers from anywhere, but only known member ids', () => {
    expect(loggedDetails({ observers: ['m20', 'm09'] }).attendees).toEqual([
      { memberId: 'm20', status: 'observer' },
      { memberId: 'm09', status: 'observer' },
    ]);
    expect(messagesFor(log({ observers: ['上级领导'] }), 'observers')).toEqual(['列席名单中的党员 上级领导 不存在']);
  });

  it('refuses the same person in two lists or twice in one', () => {
    expect(messagesFor(log({ attendees: ['m01'], leave: ['m01'] }), 'leave')).toEqual(['党员 m01 同时列在出席和请假名单中']);
    expect(messagesFor(log({ absent: ['m02'], observers: ['m02'] }), 'observers')).toEqual(['党员 m02 同时列在缺席和列席名单中']);
    expect(messagesFor(log({ attendees: ['m01', 'm01'] }), 'attendees')).toEqual(['党员 m01 在出席名单中重复']);
  });

  it('refuses a bad headcount', () => {
    expect(messagesFor(log({ headcount: -1 }), 'headcount')).toEqual(['实到人数不能为负数：-1']);
    expect(messagesFor(log({ headcount: '2.5' }), 'headcount')).toEqual(['实到人数必须是整数：2.5']);
    expect(messagesFor(log({ headcount: '十二' }), 'headcount')).toEqual(['实到人数不是数字：十二']);
    expect(messagesFor(log({ headcount: Number.NaN }), 'headcount')).toEqual(['实到人数不是数字：NaN']);
    expect(messagesFor(log({ headcount: 1, attendees: ['m01', 'm02'] }), 'headcount')).toEqual(['实到人数 1 少于出席名单中的 2 人']);
    expect(loggedDetails({ headcount: '12', attendees: ['m01', 'm02'] }).headcount).toBe(12);
  });

  it('refuses bad hours', () => {
    expect(messagesFor(log({ hours: -2 }), 'hours')).toEqual(['学时不能为负数：-2']);
    expect(messagesFor(log({ hours: 'abc' }), 'hours')).toEqual(['学时不是数字：abc']);
    expect(messagesFor(log({ hours: 30 }), 'hours')).toEqual(['学时不合理：30（一次活动不超过24学时）']);
    expect(loggedDetails({ hours: 24 }).hours).toBe(24);
  });

  it('refuses a quantity without unit, a unit or item without quantity, and bad amounts', () => {
    expect(messagesFor(log({ quantity: 3 }), 'unit')[0]).toContain('请同时填写单位');
    expect(messagesFor(log({ unit: '篇' }), 'quantity')).toEqual(['填写了单位“篇”，请同时填写数量']);
    expect(messagesFor(log({ item: '调研报告' }), 'quantity')[0]).toContain('填写了产出物“调研报告”');
    expect(messagesFor(log({ quantity: '-3', unit: '篇' }), 'quantity')).toEqual(['数量不能为负数：-3']);
    expect(messagesFor(log({ quantity: '三', unit: '篇' }), 'quantity')).toEqual(['数量不是数字：三']);
    expect(loggedDetails({ quantity: 120, unit: '册', item: '学习书籍' }).quantities).toEqual([{ amount: 120, unit: '册', item: '学习书籍' }]);
  });

  it('refuses a qualifier no kind of the record allows', () => {
    expect(messagesFor(log({ kinds: ['支部党员大会'], qualifier: '支部书记' }), 'qualifier')).toEqual(['“支部书记”不适用于所选活动类型（所选活动类型不区分类别）']);
    expect(messagesFor(log({ kinds: ['党课'], qualifier: '主持人' }), 'qualifier')).toEqual([
      '“主持人”不适用于所选活动类型（可选 党课的主讲人：支部书记、领导干部、党校教师/专家、党员）',
    ]);
  });

  it('refuses groups that are not child groups, or without a group meeting', () => {
    const otherGroup = org('g8', 'group', 'b2', { name: '二支部小组' });
    expect(messagesFor(log({ kinds: ['党小组会'], groups: ['g8'] }, { childGroups: [G1, G2, otherGroup] }), 'groups')).toEqual([
      'g8 不是“第一党支部”（b1）的下属党小组',
    ]);
    expect(messagesFor(log({ kinds: ['党小组会'], groups: ['b2'] }), 'groups')[0]).toContain('不是');
    expect(messagesFor(log({ kinds: ['主题党日'], groups: ['g1'] }), 'groups')).toEqual(['填写了参加的党小组，但活动类型中没有“党小组会”']);
    expect(messagesFor(log({ kinds: ['党小组会'], groups: ['g1', '第一党小组'] }), 'groups')[0]).toContain('重复');
    const dissolved = { ...G2, dissolvedOn: '2021-03-01' };
    expect(messagesFor(log({ kinds: ['党小组会'], groups: ['g2'] }, { childGroups: [G1, dissolved] }), 'groups')[0]).toContain('已于 2021-03-01 撤销');
  });

  it('lists every bad field at once', () => {
    const fields = issuesOf(log({ date: '2021-02-30', kinds: ['茶话会'], attendees: ['m99'], headcount: -1, hours: 99, unit: '篇' })).map((i) => i.field);
    expect(fields).toEqual(['date', 'kinds', 'attendees', 'headcount', 'hours', 'quantity']);
  });
});
