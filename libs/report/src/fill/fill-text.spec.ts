import { readFileSync } from 'fs';
import { resolve } from 'path';
import type { TallyMetric } from '../../../projections/src/tally/tally-result';
import { MATCH_REASONS } from './blank-matcher';
import { NO_DATA_REASON } from './fill-result';
import { fillText, formatFigure, planFill } from './fill-text';
import { metricSourceOf } from './metric-source';

const tally = (kind: string, qualifier: string | null, measure: TallyMetric['measure'], value: number, unit: string | null = null): TallyMetric => ({
  kind,
  qualifier,
  measure,
  unit,
  value,
  activityIds: [`${kind}-1`],
});

const LEDGER = metricSourceOf([
  tally('study-session', null, 'count', 14),
  tally('study-session', null, 'hours', 31.5),
  tally('seminar', null, 'count', 6),
  tally('party-lecture', 'secretary', 'count', 2),
  tally('theme-day', null, 'count', 12),
  tally('theme-day', null, 'attendance', 0),
  tally('research-visit', null, 'quantity', 3, '篇'),
]);

describe('fillText', () => {
  it('fills mapped blanks and leaves every other character as written', () => {
    const text = '市XX办支部全年开展集中学习XX次，累计XX学时，支部书记上党课X次，形成调研报告X篇。';
    const { text: filled } = fillText(text, LEDGER);
    expect(filled).toBe('市XX办支部全年开展集中学习14次，累计31.5学时，支部书记上党课2次，形成调研报告3篇。');
  });

  it('reports every placeholder in document order with offsets into the original text', () => {
    const text = '𠀀市XX办开展专题研讨X次，参学率XX%。';
    const { blanks } = fillText(text, LEDGER);
    expect(blanks.map((b) => [b.index, b.placeholder, text.slice(b.offset, b.offset + b.placeholder.length), b.status])).toEqual([
      [0, 'XX', 'XX', 'not-quantitative'],
      [1, 'X', 'X', 'filled'],
      [2, 'XX', 'XX', 'unmapped'],
    ]);
    expect(blanks[0].offset).toBe(3);
  });

  it('describes each blank: metric, value, status and a Chinese reason when not filled', () => {
    const { blanks } = fillText('开展专题研讨X次，支部共有党员XX名，赴X县调研。', LEDGER);
    expect(blanks).toEqual([
      {
        index: 0, offset: 6, placeholder: 'X', context: '开展专题研讨X次，支部共有党员', quantitative: true,
        metric: { kind: 'seminar', qualifier: null, measure: 'count', unit: '次' }, value: 6, status: 'filled', reason: null,
      },
      {
        index: 1, offset: 15, placeholder: 'XX', context: '题研讨X次，支部共有党员XX名，赴X县调研。', quantitative: true,
        metric: null, value: null, status: 'unmapped', reason: MATCH_REASONS.noKind,
      },
      {
        index: 2, offset: 20, placeholder: 'X', context: '，支部共有党员XX名，赴X县调研。', quantitative: false,
        metric: null, value: null, status: 'not-quantitative', reason: MATCH_REASONS.notQuantitative,
      },
    ]);
  });

  it('fills an approximate blank with the exact figure and drops 余/多', () => {
    expect(fillText('累计开展集中学习活动XX余次，专题研讨XX多次。', LEDGER).text).toBe('累计开展集中学习活动14次，专题研讨6次。');
    expect(fillText('累计开展集中学习活动XX余\n次。', LEDGER).text).toBe('累计开展集中学习活动14\n次。');
    expect(fillText('累计开展集中学习活动XX\n余次。', LEDGER).text).toBe('累计开展集中学习活动14\n余次。');
  });

  it('plans the same fill as edits of the original text, for documents filled in place', () => {
    const text = '市XX办开展集中学习XX余次，专题研讨X次。';
    expect(planFill(text, LEDGER).edits).toEqual([
      { offset: 10, length: 3, text: '14' },
      { offset: 19, length: 1, text: '6' },
    ]);
  });

  it('keeps a mapped blank with no ledger record as written: no data, not zero', () => {
    const text = '开展志愿服务XX余次，组织生活会X次。';
    const result = fillText(text, LEDGER);
    expect(result.text).toBe(text);
    expect(result.blanks.map((b) => [b.status, b.value, b.reason, b.metric?.kind])).toEqual([
      ['no-data', null, NO_DATA_REASON, 'volunteer-service'],
      ['no-data', null, NO_DATA_REASON, 'org-life-meeting'],
    ]);
  });

  it('writes a recorded zero: the ledger has the activities, none attended', () => {
    expect(fillText('开展主题党日XX次，参加党员XX人次。', LEDGER).text).toBe('开展主题党日12次，参加党员0人次。');
  });

  it('leaves ambiguous and unmapped blanks untouched', () => {
    const text = '开展知识竞赛、志愿服务活动XX次，发展党员X名，缴纳党费XXX元。';
    const result = fillText(text, LEDGER);
    expect(result.text).toBe(text);
    expect(result.blanks.map((b) => b.status)).toEqual(['ambiguous', 'unmapped', 'unmapped']);
  });

  it('returns the text unchanged, byte for byte, when nothing can be filled', () => {
    const text = 'XX村党支部\r\n＊＊年度，开展“X·XX”活动，　全文无数字。\n';
    expect(fillText(text, metricSourceOf([])).text).toBe(text);
  });

  it('fills the seed draft 000 from a ledger, changing only its three count blanks', () => {
    const seed = readFileSync(resolve(__dirname, '../../../../test/fixtures/fill-corpus/seed-000.txt'), 'utf8');
    const { text, blanks } = fillText(seed, LEDGER);
    expect(blanks.filter((b) => b.status === 'filled').map((b) => [b.index, b.value])).toEqual([[3, 14], [4, 6], [5, 2]]);
    expect(text).toContain('累计开展集中学习活动14次，专题研讨6次，支部书记上党课2次。');
    expect(text).toContain('省委X届XX次全会');
    expect(text.length).toBe(seed.length - 'XX余XX余X'.length + '1462'.length);
  });
});

describe('metricSourceOf', () => {
  it('looks metrics up by kind, qualifier and measure, and by unit for quantities', () => {
    const source = metricSourceOf([tally('party-lecture', 'secretary', 'count', 2), tally('research-visit', null, 'quantity', 3, '篇')]);
    expect(source.lookup({ kind: 'party-lecture', qualifier: 'secretary', measure: 'count', unit: '场' })).toEqual({
      value: 2,
      activityIds: ['party-lecture-1'],
    });
    expect(source.lookup({ kind: 'party-lecture', qualifier: null, measure: 'count', unit: '次' })).toBeUndefined();
    expect(source.lookup({ kind: 'research-visit', qualifier: null, measure: 'quantity', unit: '篇' })?.value).toBe(3);
    expect(source.lookup({ kind: 'research-visit', qualifier: null, measure: 'quantity', unit: '册' })).toBeUndefined();
  });
});

describe('formatFigure', () => {
  it('writes integers plainly and fractions to two decimals without float noise', () => {
    expect([formatFigure(12), formatFigure(7.5), formatFigure(0.1 + 0.2), formatFigure(0)]).toEqual(['12', '7.5', '0.3', '0']);
  });
});
