import { renderMarkdown } from '../markdown/render-markdown';
import { sampleReport } from '../sample-report.spec-helper';
import { renderJson } from './render-json';
import { reportJson, type ReportJson } from './report-json';

describe('renderJson', () => {
  it('prints pretty JSON with two-space indent and a trailing newline', () => {
    const json = renderJson(sampleReport());
    expect(json.startsWith('{\n  "reportId": "r-0001",\n')).toBe(true);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.endsWith('}\n\n')).toBe(false);
  });

  it('round-trips: every figure comes back with its metric and activity ids', () => {
    const report = sampleReport();
    const parsed = JSON.parse(renderJson(report)) as ReportJson;
    expect(parsed).toEqual(reportJson(report));
    expect(parsed.figures).toHaveLength(report.figures.length);
    parsed.figures.forEach((figure, i) => {
      expect(figure.index).toBe(i);
      expect(figure.metric).toEqual(report.figures[i].metric);
      expect(figure.activityIds).toEqual(report.figures[i].activityIds);
    });
    expect(parsed.figures[0].activityIds).toEqual(['a1', 'a2']);
    expect(parsed.figures[2]).toMatchObject({ value: null, status: 'missing', activityIds: [] });
  });

  it('lists the blanks with their labels and carries the Markdown text', () => {
    const report = sampleReport();
    const parsed = JSON.parse(renderJson(report)) as ReportJson;
    expect(parsed.missing).toEqual([2]);
    expect(parsed.blanks).toEqual([{ index: 2, label: '专题研讨次数' }]);
    expect(parsed.text).toBe(renderMarkdown(report));
  });

  it('writes keys in a fixed order', () => {
    const parsed = JSON.parse(renderJson(sampleReport())) as ReportJson;
    expect(Object.keys(parsed)).toEqual([
      'reportId', 'template', 'org', 'year', 'rollup', 'ruleVersion', 'countingVersion', 'asOf', 'streamHeads',
      'compiledAt', 'zeroOk', 'figures', 'missing', 'blanks', 'text',
    ]);
    expect(Object.keys(parsed.figures[0])).toEqual([
      'index', 'source', 'metric', 'rule', 'side', 'org', 'rollup', 'period', 'value', 'status', 'display', 'label',
      'activityIds',
    ]);
    expect(Object.keys(parsed.figures[0].metric)).toEqual(['kind', 'qualifier', 'measure', 'unit']);
  });

  it('does not depend on the order the compiler filled its objects in', () => {
    const a = sampleReport();
    a.streamHeads = { 'org-b2': { version: 3, hash: 'bb' }, 'org-b1': { version: 40, hash: 'ff00' } };
    const b = sampleReport();
    b.streamHeads = { 'org-b1': { hash: 'ff00', version: 40 }, 'org-b2': { hash: 'bb', version: 3 } } as typeof b.streamHeads;
    b.figures[0].metric = { unit: null, measure: 'count', qualifier: null, kind: 'committee-meeting' };
    expect(renderJson(a)).toBe(renderJson(b));
    expect(Object.keys(reportJson(a).streamHeads)).toEqual(['org-b1', 'org-b2']);
  });

  it('copies arrays, so changing the printed object leaves the report as it was', () => {
    const report = sampleReport();
    reportJson(report).figures[0].activityIds.push('zz');
    expect(report.figures[0].activityIds).toEqual(['a1', 'a2']);
  });

  it('refuses a missing index that names no figure', () => {
    const report = sampleReport();
    report.missing = [2, 8];
    expect(() => reportJson(report)).toThrow(/figure 8/);
  });
});
