import type { MetricKey } from '../metrics/metric-key';
import { classifyBlank } from './blank-classifier';
import { MATCH_REASONS, matchBlank, type BlankMatch } from './blank-matcher';
import { scanPlaceholders } from './placeholder-scanner';

/** The decision for the last placeholder of a sentence, read with the whole sentence before it. */
function last(text: string): BlankMatch {
  const all = scanPlaceholders(text);
  const p = all[all.length - 1];
  const end = p.offset + p.placeholder.length;
  return matchBlank({ ...p, before: text.slice(0, p.offset), after: text.slice(end) }, classifyBlank(p));
}

const metric = (kind: string, qualifier: string | null, measure: MetricKey['measure'], unit: string): BlankMatch => ({
  metric: { kind, qualifier, measure, unit },
  status: 'mapped',
  reason: null,
});
const unmapped = (reason: string): BlankMatch => ({ metric: null, status: 'unmapped', reason });
const ambiguous = (reason: string): BlankMatch => ({ metric: null, status: 'ambiguous', reason });

describe('matchBlank: kind from the nearest catalog word before the blank', () => {
  it.each([
    ['全年召开支部党员大会X次', 'branch-assembly', 'count', '次'],
    ['召开支委会XX场', 'committee-meeting', 'count', '场'],
    ['开展专题研讨XX余次', 'seminar', 'count', '次'],
    ['开展“主题\n党日”活动XX次', 'theme-day', 'count', '次'],
    ['利用主题党日开展志愿服务X次', 'volunteer-service', 'count', '次'],
    ['形成调研报告X篇', 'research-visit', 'quantity', '篇'],
    ['组织党员干部观看警示教育片X部', 'warning-education', 'quantity', '部'],
    ['在XX网站发表宣传报道XX余篇', 'publicity', 'quantity', '篇'],
    ['召开专题研究党建工作的会议X次', 'special-meeting', 'count', '次'],
    ['开展交通文明岗、垃圾分类等志愿服务活动XX次', 'volunteer-service', 'count', '次'],
    ['开展谈心谈话XX人次', 'heart-talk', 'attendance', '人次'],
  ])('%s → %s/%s', (text, kind, measure, unit) => {
    expect(last(text)).toEqual(metric(kind, null, measure as MetricKey['measure'], unit));
  });

  it('prefers the longest catalog word (理论学习中心组学习 over 理论学习, 廉政党课 over 党课)', () => {
    expect(last('开展理论学习中心组学习X次')).toEqual(metric('center-group-study', null, 'count', '次'));
    expect(last('讲授廉政党课X次')).toEqual(metric('integrity-education', null, 'count', '次'));
  });

  it('reads the kind the unit directly counts, after the blank', () => {
    expect(last('依托红色教育基地，举办*期政治轮训班')).toEqual(metric('political-training', null, 'count', '期'));
    expect(last('全年开展X次主题党日活动')).toEqual(metric('theme-day', null, 'count', '次'));
  });

  it('reads “X名<people>进行/参加<kind>” as the people taking part', () => {
    expect(last('先后对X名干部进行诫勉谈话')).toEqual(metric('admonition-talk', 'admonition', 'participants', '名'));
    expect(last('组织XX名党员参加主题党日活动')).toEqual(metric('theme-day', null, 'participants', '名'));
  });

  it('carries the previous blank’s kind to a blank whose words name nothing (累计, 参加党员)', () => {
    expect(last('开展主题党日活动XX次，参加党员XXX人次')).toEqual(metric('theme-day', null, 'attendance', '人次'));
    expect(last('开展集中学习XX次，累计XX学时')).toEqual(metric('study-session', null, 'hours', '学时'));
    expect(last('支部书记讲党课X次，参加XX人次')).toEqual(metric('party-lecture', 'secretary', 'attendance', '人次'));
  });

  it('reads back across a comma when the blank’s own words name nothing', () => {
    expect(last('召开支部党员大会，全年共召开X次')).toEqual(metric('branch-assembly', null, 'count', '次'));
  });

  it('does not take the kind across a sentence end or a heading line', () => {
    expect(last('开展主题党日活动。累计XX次')).toEqual(unmapped(MATCH_REASONS.noKind));
    expect(last('开展主题党日活动\n（二）累计XX次')).toEqual(unmapped(MATCH_REASONS.noKind));
  });

  it('separates items of a counted list (“大会X次、支委会XX次”)', () => {
    expect(last('召开支部党员大会X次、支委会XX次')).toEqual(metric('committee-meeting', null, 'count', '次'));
  });
});

describe('matchBlank: qualifiers from the catalog', () => {
  it.each([
    ['支部书记上党课X次', 'secretary'],
    ['党支部书记讲专题党课X次', 'secretary'],
    ['班子成员为党员干部讲授专题党课X次', 'leader'],
    ['邀请市委党校教师讲授专题党课X场', 'invited'],
    ['对X名党员进行集体约谈', 'collective'],
  ])('%s → %s', (text, qualifier) => {
    const m = last(text);
    expect(m.status).toBe('mapped');
    expect(m.metric?.qualifier).toBe(qualifier);
  });

  it('ignores the audience: 为全体党员讲党课 is not a lecture by 党员', () => {
    expect(last('支部书记为全体党员讲党课X次')).toEqual(metric('party-lecture', 'secretary', 'count', '次'));
    expect(last('组织党员上党课X次')).toEqual(metric('party-lecture', null, 'count', '次'));
  });

  it('ignores qualifier words inside another kind’s name (党员 in 支部党员大会)', () => {
    expect(last('在支部党员大会上讲党课X次')).toEqual(metric('party-lecture', null, 'count', '次'));
  });

  it('is unsure when the speaker is named only earlier in the clause, or only modifies another noun', () => {
    expect(last('支部书记带头讲党课，全年讲党课X次')).toEqual(ambiguous(MATCH_REASONS.qualifierElsewhere('主讲人')));
    expect(last('邀请专家作辅导，全年开展党课XX次')).toEqual(ambiguous(MATCH_REASONS.qualifierElsewhere('主讲人')));
    expect(last('党员干部讲党课X次')).toEqual(ambiguous(MATCH_REASONS.qualifier('主讲人')));
  });

  it('is ambiguous when several speakers are counted together', () => {
    expect(last('支部书记和班子成员讲党课X次')).toEqual(ambiguous(MATCH_REASONS.qualifier('主讲人')));
    expect(last('党总支委员和支部书记讲党课X次')).toEqual(ambiguous(MATCH_REASONS.qualifier('主讲人')));
  });

  it('allows a “其中” subset of the same kind, refuses one of another kind', () => {
    expect(last('全年开展党课XX次，其中支部书记讲党课X次')).toEqual(metric('party-lecture', 'secretary', 'count', '次'));
    expect(last('全年开展中心组学习XX次，其中专题研讨X次')).toEqual(unmapped(MATCH_REASONS.subset));
    expect(last('形成调研报告XX篇，其中X篇获批示')).toEqual(unmapped(MATCH_REASONS.subset));
  });
});

describe('matchBlank: when not sure', () => {
  it('is ambiguous for lists of kinds and for 等', () => {
    expect(last('开展知识竞赛、志愿服务活动XX次')).toEqual(ambiguous(MATCH_REASONS.list));
    expect(last('召开组织生活会和民主评议党员X次')).toEqual(ambiguous(MATCH_REASONS.list));
    expect(last('开展志愿服务、文艺汇演XX次')).toEqual(ambiguous(MATCH_REASONS.list));
    expect(last('开展志愿服务等活动XX次')).toEqual(ambiguous(MATCH_REASONS.etc));
    expect(last('开展知识竞赛、志愿服务活动X次，参加党员XX人次')).toEqual(ambiguous(MATCH_REASONS.list));
  });

  it('is ambiguous when catalog words of two kinds overlap or stand on both sides', () => {
    expect(last('开展第一议题学习活动X次').status).toBe('ambiguous');
    expect(last('召开支委会X次研究发展党员工作').status).toBe('ambiguous');
  });

  it('leaves roster figures alone: members, admitted, awarded', () => {
    expect(last('支部共有党员XX名')).toEqual(unmapped(MATCH_REASONS.noKind));
    expect(last('全年发展党员X名')).toEqual(unmapped(MATCH_REASONS.roster));
    expect(last('召开支部党员大会X次，党员XX名')).toEqual(unmapped(MATCH_REASONS.roster));
    expect(last('表彰优秀党员X名')).toEqual(unmapped(MATCH_REASONS.otherObject));
    expect(last('选齐配强支委委员*人')).toEqual(unmapped(MATCH_REASONS.noKind));
  });

  it('leaves blanks that count something other than the activity', () => {
    expect(last('开展志愿服务X次，服务群众XXX人次')).toEqual(unmapped(MATCH_REASONS.noKind));
    expect(last('召开组织生活会查摆问题XX项')).toEqual(unmapped(MATCH_REASONS.otherObject));
    expect(last('开展集中学习XX次，人均学习XX小时')).toEqual(unmapped(MATCH_REASONS.noKind));
    expect(last('报送政务信息XX余篇')).toEqual(unmapped(MATCH_REASONS.noKind));
    expect(last('组织XX名党员参加县委党校举办的培训班')).toEqual(unmapped(MATCH_REASONS.noKind));
  });

  it('does not read a named subgroup of people as all who took part', () => {
    expect(last('推荐XX名入党积极分子参加培训班')).toEqual(unmapped(MATCH_REASONS.noKind));
    expect(last('先后对X名班子成员进行集体约谈')).toEqual(unmapped(MATCH_REASONS.noKind));
    expect(last('共有XX名党员参加了志愿服务')).toEqual(metric('volunteer-service', null, 'participants', '名'));
  });

  it('does not inherit when the words after the blank say something', () => {
    expect(last('开展集中学习XX次，组织XX名党员参加县委党校举办的培训班')).toEqual(unmapped(MATCH_REASONS.noKind));
  });

  it('refuses measures the ledger does not keep', () => {
    expect(last('开展主题党日，党员参学率达XX%')).toEqual(unmapped(MATCH_REASONS.rate));
    expect(last('开展主题党日，参学率ＸＸ％')).toEqual(unmapped(MATCH_REASONS.rate));
    expect(last('缴纳党费XXX元')).toEqual(unmapped(MATCH_REASONS.amount));
  });

  it('answers a placeholder that is not a quantitative blank with unmapped', () => {
    expect(last('赴X县')).toEqual(unmapped(MATCH_REASONS.notQuantitative));
  });

  it('works on the scanner’s own short context', () => {
    const [p] = scanPlaceholders('一年来，累计开展集中学习活动XX余次');
    expect(matchBlank(p, classifyBlank(p))).toEqual(metric('study-session', null, 'count', '次'));
  });
});
