import { ACTIVITY_KINDS, findActivityKind } from '../../../domain/src/catalog/activity-kinds';
import { kindIdsOf, parseKindCell } from './kind-cell';

const idsOf = (text: string, aliases?: Map<string, string>) => {
  const cell = parseKindCell(text, aliases);
  return { ids: cell.words.map((w) => findActivityKind(w)?.id), qualifier: cell.qualifier, issues: cell.issues.map((i) => i.message) };
};

describe('parseKindCell', () => {
  it('reads every kind of the catalog by its name and by each synonym', () => {
    for (const kind of ACTIVITY_KINDS) {
      for (const word of [kind.name, ...kind.synonyms, kind.id]) {
        const cell = idsOf(word);
        expect({ word, ids: cell.ids, issues: cell.issues }).toEqual({ word, ids: [kind.id], issues: [] });
      }
    }
  });

  it.each(['支部党员大会、党课', '支部党员大会，党课', '支部党员大会,党课', '支部党员大会;党课', '支部党员大会；党课', '支部党员大会/党课', '支部党员大会+党课', '支部党员大会 + 党课', '支部党员大会暨党课', '党员大会和党课'])(
    'splits the combined sitting %s',
    (text) => {
      expect(idsOf(text)).toEqual({ ids: ['branch-assembly', 'party-lecture'], qualifier: null, issues: [] });
    },
  );

  it('reads three kinds, quotes and a trailing 活动', () => {
    expect(idsOf('支部党员大会、党课、主题党日活动').ids).toEqual(['branch-assembly', 'party-lecture', 'theme-day']);
    expect(idsOf('“第一议题”学习').ids).toEqual(['first-topic']);
    expect(idsOf('志愿服务活动').ids).toEqual(['volunteer-service']);
  });

  it('takes a qualifier in brackets after its kind', () => {
    expect(idsOf('党课（支部书记）')).toEqual({ ids: ['party-lecture'], qualifier: 'secretary', issues: [] });
    expect(idsOf('党课(党校教师/专家)')).toEqual({ ids: ['party-lecture'], qualifier: 'invited', issues: [] });
    expect(idsOf('主题党日、党课（领导干部）')).toEqual({ ids: ['theme-day', 'party-lecture'], qualifier: 'leader', issues: [] });
    expect(idsOf('党课（七一）').issues[0]).toContain('不是党课的主讲人');
    expect(idsOf('主题党日（七一）').issues[0]).toContain('不区分类别');
  });

  it('reports unknown words, suggesting a kind only when one is plainly meant', () => {
    const unknown = idsOf('开会');
    expect(unknown.ids).toEqual([]);
    expect(unknown.issues).toEqual(['未知的活动类型：开会']);
    const suggested = idsOf('书记讲党课');
    expect(suggested.ids).toEqual([]);
    expect(suggested.issues[0]).toContain('是否为“党课”');
    // A combined cell keeps the kinds it knows and reports the rest.
    expect(idsOf('党课、开会')).toMatchObject({ ids: ['party-lecture'], issues: ['未知的活动类型：开会'] });
  });

  it('reads words of the mapping file', () => {
    const aliases = new Map([
      ['书记讲党课', '党课（支部书记）'],
      ['三会', '支部党员大会'],
    ]);
    expect(idsOf('书记讲党课', aliases)).toEqual({ ids: ['party-lecture'], qualifier: 'secretary', issues: [] });
    expect(idsOf('三会、主题党日', aliases).ids).toEqual(['branch-assembly', 'theme-day']);
  });

  it('says an empty cell is empty', () => {
    expect(idsOf('  ').issues).toEqual(['请填写活动类型']);
  });
});

describe('kindIdsOf', () => {
  it('is the same set however the kinds were written', () => {
    expect(kindIdsOf(['党课', '党员大会'])).toEqual(kindIdsOf(['支部党员大会', '专题党课']));
  });
});
