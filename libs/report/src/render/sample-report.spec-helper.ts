import type { CompiledReport } from '../compile/compiled-report';
import type { Inline } from '../document/report-document';
import type { ReportFigure } from '../compile/report-figure';
import { metricLabel } from '../metrics/metric-label';

/** A small compiled report with every block type, a filled figure, a Chinese-numeral figure and a blank. */
export function sampleReport(): CompiledReport {
  const figures: ReportFigure[] = [
    figure(0, 'committee-meeting', null, 'count', 12, '12', ['a1', 'a2']),
    figure(1, 'party-lecture', 'secretary', 'count', 2, '两', ['a3', 'a4']),
    figure(2, 'seminar', null, 'count', null, '【待补：专题研讨次数】', []),
    figure(3, 'theme-day', null, 'attendance', 236, '236', ['a5']),
  ];
  figures[2].status = 'missing';
  const t = (text: string): Inline => ({ type: 'text', text });
  const f = (figure: number): Inline => ({ type: 'figure', figure });
  return {
    reportId: 'r-0001',
    template: { name: 'branch-secretary', hash: 'abc123' },
    org: { id: 'b1', name: '办公室党支部', kind: 'branch' },
    year: 2025,
    rollup: false,
    ruleVersion: '2018-branch-regulation+local-v1',
    countingVersion: 'counting-v1',
    asOf: { position: '42', instant: null },
    streamHeads: { 'org-b1': { version: 40, hash: 'ff00' } },
    compiledAt: '2026-01-05T02:00:00.000Z',
    zeroOk: [],
    figures,
    missing: [2],
    document: {
      blocks: [
        { type: 'title', inlines: [t('办公室党支部书记2025年度抓党建工作述职报告')] },
        { type: 'subtitle', inlines: [t('（2026年1月）')] },
        { type: 'paragraph', inlines: [t('现将一年来履行党建工作职责的情况报告如下。')] },
        { type: 'heading', level: 1, inlines: [t('一、履职情况')] },
        { type: 'heading', level: 2, inlines: [t('（一）落实“三会一课”制度')] },
        {
          type: 'paragraph',
          inlines: [t('全年召开支委会'), f(0), t('次，支部书记讲党课'), f(1), t('次，开展专题研讨'), f(2), t('次，主题党日参加'), f(3), t('人次。')],
        },
        {
          type: 'table',
          header: [[t('项目')], [t('次数')]],
          rows: [
            [[t('支委会')], [f(0)]],
            [[t('专题研讨')], [f(2)]],
          ],
        },
        { type: 'signature', inlines: [t('2026年1月5日')] },
      ],
    },
  };
}

function figure(
  index: number,
  kind: string,
  qualifier: string | null,
  measure: ReportFigure['metric']['measure'],
  value: number | null,
  display: string,
  activityIds: string[],
): ReportFigure {
  return {
    index,
    source: 'tally',
    metric: { kind, qualifier, measure, unit: null },
    rule: null,
    side: null,
    org: 'b1',
    rollup: false,
    period: '2025',
    value,
    status: 'filled',
    display,
    label: metricLabel({ kind, qualifier, measure, unit: null }),
    activityIds,
  };
}
