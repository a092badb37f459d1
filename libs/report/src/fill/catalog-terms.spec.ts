import { findKindHits, findQualifierHits, normaliseDraftText } from './catalog-terms';
import { consistsOf } from './draft-words';
import { activityKindById } from '../../../domain/src';

describe('catalog terms', () => {
  it('removes line breaks, spaces and quotation marks before comparing', () => {
    expect(normaliseDraftText('开展“主题\n党日”　活动')).toBe('开展主题党日活动');
  });

  it('finds kind words, a word inside a longer one counting only as the longer', () => {
    expect(findKindHits('参加廉政党课和支部党员大会')).toEqual([
      { start: 2, end: 6, ids: ['integrity-education'] },
      { start: 7, end: 13, ids: ['branch-assembly'] },
    ]);
  });

  it('merges partly overlapping words of two kinds into one conflicting hit', () => {
    expect(findKindHits('第一议题学习活动')).toEqual([{ start: 0, end: 8, ids: ['first-topic', 'study-session'] }]);
  });

  it('finds qualifier words of one kind only', () => {
    const lecture = activityKindById('party-lecture');
    const talk = activityKindById('admonition-talk');
    if (!lecture || !talk) throw new Error('catalog changed');
    expect(findQualifierHits(lecture, '党支部书记讲党课').map((h) => h.ids)).toEqual([['secretary']]);
    expect(findQualifierHits(talk, '党支部书记讲党课')).toEqual([]);
  });
});

describe('consistsOf', () => {
  it('accepts text made only of the given words, in any split', () => {
    expect(consistsOf('', ['共'])).toBe(true);
    expect(consistsOf('累计参加党员', ['累计', '参加', '党员'])).toBe(true);
    expect(consistsOf('人均学习', ['累计', '学习'])).toBe(false);
  });
});
