import { BlankClass, MEASURE_WORDS, classifyBlank } from './blank-classifier';
import { scanPlaceholders } from './placeholder-scanner';

/** Classifies every placeholder of a sentence, in order. */
const classify = (text: string): BlankClass[] => scanPlaceholders(text).map(classifyBlank);
const exact = (unit: string, approximate = false): BlankClass => ({ quantitative: true, unit, approximate });
const NAME: BlankClass = { quantitative: false, unit: null, approximate: false };

describe('classifyBlank', () => {
  it.each([
    ['开展主题党日X次活动', '次'],
    ['举办报告会XX场', '场'],
    ['参加学习XXX人次', '人次'],
    ['组织党员XX人参加', '人'],
    ['发展党员X名', '名'],
    ['撰写心得XX篇', '篇'],
    ['完成整改XX项', '项'],
    ['覆盖X个支部', '个'],
    ['编发简报X期', '期'],
    ['印发学习手册X册', '册'],
    ['购买书籍XX本', '本'],
    ['征订党报党刊XX份', '份'],
    ['观看警示教育片X部', '部'],
    ['更新宣传栏X块', '块'],
    ['出版专刊X版', '版'],
    ['累计培训XX学时', '学时'],
    ['人均学习XX小时', '小时'],
    ['分XX批轮训', '批'],
    ['参学率达XX%', '%'],
    ['缴纳党费XXX元', '元'],
    ['投入经费XX万元', '万元'],
  ])('%s → unit %s', (text, unit) => {
    expect(classify(text)).toEqual([exact(unit)]);
  });

  it('covers every measure word in the list, with full-width ％ reported as %', () => {
    expect(MEASURE_WORDS).toHaveLength(22);
    expect(classify('达标率ＸＸ％')).toEqual([exact('%')]);
  });

  it('prefers the longest measure word: 人次 over 人, 万元 over 元', () => {
    expect(classify('XX人次，XX人，XX万元，XX元')).toEqual([exact('人次'), exact('人'), exact('万元'), exact('元')]);
  });

  it('marks 余 and 多 as approximate and reads the unit after them', () => {
    expect(classify('开展学习XX余次，参加XX多人，讨论XX余人次，筹集XX余万元')).toEqual([
      exact('次', true),
      exact('人', true),
      exact('人次', true),
      exact('万元', true),
    ]);
  });

  it('accepts full-width blanks', () => {
    expect(classify('发放书籍ＸＸ册，＊＊人参加，＊余次')).toEqual([exact('册'), exact('人'), exact('次', true)]);
  });

  it('reads a unit that a hard-wrapped draft put on the next line', () => {
    expect(classify('开展专题研讨XX\n次，XX余\n人')).toEqual([exact('次'), exact('人', true)]);
  });

  it('leaves name-hiding blanks alone', () => {
    expect(classify('市XX办')).toEqual([NAME]);
    expect(classify('XX村党支部')).toEqual([NAME]);
    expect(classify('在XX网站发布')).toEqual([NAME]);
    expect(classify('观看《**》')).toEqual([NAME]);
    expect(classify('赴X县调研')).toEqual([NAME]);
    expect(classify('“X·XX”品牌')).toEqual([NAME, NAME]);
    expect(classify('20XX年度')).toEqual([NAME]);
  });

  it('treats X届XX次全会 and similar meeting names as names, not counts', () => {
    expect(classify('省委X届XX次全会')).toEqual([NAME, NAME]);
    expect(classify('市第X次党代会')).toEqual([NAME]);
    expect(classify('召开XX次会议精神')).toEqual([NAME]);
    expect(classify('X届X次全体会议')).toEqual([NAME, NAME]);
  });

  it('treats ordinals (第X次, 第XX期) as not quantitative', () => {
    expect(classify('第X次集中学习')).toEqual([NAME]);
    expect(classify('第XX期培训班')).toEqual([NAME]);
  });

  it('does not read 个别 as the measure word 个', () => {
    expect(classify('针对*个别党员')).toEqual([NAME]);
    expect(classify('覆盖*个支部')).toEqual([exact('个')]);
  });

  it('is not quantitative when nothing follows the blank', () => {
    expect(classify('开展学习XX')).toEqual([NAME]);
  });

  // Lines from shared/seeds.
  it('classifies seed 000', () => {
    const text =
      '贯彻落实省委X届XX次全会暨省委工作会\n性观念和政治纪律规矩。一年来，累计开展集中学习活动XX余次，专题研讨XX余次，\n支部书记上党课X次。省委省政府XX条意见';
    expect(classify(text)).toEqual([NAME, NAME, exact('次', true), exact('次', true), exact('次'), NAME]);
  });

  it('classifies seed 001', () => {
    expect(classify('发布创建工作简报X期，在市文明单位平台发布\n资讯X余篇。')).toEqual([exact('期'), exact('篇', true)]);
  });

  it('classifies seed 003', () => {
    const text =
      '***党支部坚持，全年学习**次*篇。依托**等红色教育培训基地，举办\n*期政治轮训班，梳理问题*类**余项，对**名优秀党员，组织讨论**余人次，全*范围';
    expect(classify(text)).toEqual([
      NAME,
      exact('次'),
      exact('篇'),
      NAME,
      exact('期'),
      NAME,
      exact('项', true),
      exact('名'),
      exact('人次', true),
      NAME,
    ]);
  });
});
