import type { CompiledReport } from '../../compile/compiled-report';
import type { ReportFigure } from '../../compile/report-figure';
import type { Inline } from '../../document/report-document';
import { sampleReport } from '../sample-report.spec-helper';
import { renderHtml } from './render-html';

const t = (text: string): Inline => ({ type: 'text', text });
const f = (figure: number): Inline => ({ type: 'figure', figure });

/** The provenance row of figure `index`. */
function row(html: string, index: number): string {
  const match = new RegExp(`<tr id="figure-${index}">.*</tr>`).exec(html);
  if (!match) throw new Error(`no row for figure ${index}`);
  return match[0];
}

describe('renderHtml', () => {
  it('is a complete Chinese document with its charset, A4 margins and CJK fonts', () => {
    const html = renderHtml(sampleReport());
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain('<title>办公室党支部书记2025年度抓党建工作述职报告</title>');
    expect(html).toContain('margin: 37mm 26mm 35mm 28mm;');
    for (const font of ['"FangSong"', '"SimHei"', '"KaiTi"', '"Noto Serif CJK SC"', '"Noto Sans CJK SC"']) {
      expect(html).toContain(font);
    }
    expect(html.endsWith('</html>\n')).toBe(true);
  });

  it('escapes text everywhere, the <title> included', () => {
    const report = sampleReport();
    report.document.blocks[0] = { type: 'title', inlines: [t(`关于<script>alert("x")</script>&'的报告`)] };
    report.figures[0].label = '<b>支委会</b>';
    const html = renderHtml(report);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    const escaped = '关于&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;的报告';
    expect(html).toContain(`<title>${escaped}</title>`);
    expect(html).toContain(`<h1 class="title">${escaped}</h1>`);
    expect(row(html, 0)).toContain('&lt;b&gt;支委会&lt;/b&gt;');
  });

  it('keeps a pipe in a table cell as plain text', () => {
    const report = sampleReport();
    report.document.blocks = [{ type: 'table', header: [[t('项目|类别')]], rows: [[[t('a|b')]]] }];
    const html = renderHtml(report);
    expect(html).toContain('<th>项目|类别</th>');
    expect(html).toContain('<td>a|b</td>');
  });

  it('links every filled figure to its provenance row, which carries its metric and activities', () => {
    const html = renderHtml(sampleReport());
    expect(html).toContain('<a class="figure" href="#figure-0" data-metric="committee-meeting/-/count">12</a>');
    expect(html).toContain('<a class="figure" href="#figure-1" data-metric="party-lecture/secretary/count">两</a>');
    expect(row(html, 1)).toContain('<code>party-lecture</code> / <code>secretary</code> / <code>count</code>');
    expect(row(html, 1)).toContain('<td>两（2）</td>');
    expect(row(html, 1)).toContain('<code>a3</code> <code>a4</code>');
    expect(row(html, 3)).toContain('<td>2025</td>');
  });

  it('gives every id once, and every in-page link a target', () => {
    const html = renderHtml(sampleReport());
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(ids).toContain(target);
  });

  it('marks a blank in the text, links it to its row and the row back to its first occurrence', () => {
    const html = renderHtml(sampleReport());
    expect(html).toContain(
      '<mark class="blank" id="blank-2"><a href="#figure-2" data-metric="seminar/-/count">【待补：专题研讨次数】</a></mark>',
    );
    expect(html).toContain('<mark class="blank" id="blank-2-2">');
    expect(html).not.toContain('class="figure" href="#figure-2"');
    expect(row(html, 2)).toContain('<mark class="blank"><a href="#blank-2">待补</a></mark>');
    expect(row(html, 2)).toContain('<td>—</td>');
  });

  it('lists a blank the text never showed without a dangling back-link', () => {
    const report = sampleReport();
    report.document.blocks = report.document.blocks.filter((block) => block.type === 'title');
    expect(row(renderHtml(report), 2)).toContain('<td><mark class="blank">待补</mark></td>');
  });

  it('shows a confirmed zero as a figure and says it was confirmed', () => {
    const report = sampleReport();
    Object.assign(report.figures[2], { status: 'zero-confirmed', value: 0, display: '0' } satisfies Partial<ReportFigure>);
    report.missing = [];
    const html = renderHtml(report);
    expect(html).toContain('<a class="figure" href="#figure-2" data-metric="seminar/-/count">0</a>');
    expect(row(html, 2)).toContain('0（确认未开展）');
  });

  it('names the rule and side of a compliance figure and the unit of a quantity', () => {
    const report = sampleReport();
    const extra: ReportFigure = {
      ...report.figures[0],
      index: 4,
      source: 'compliance',
      metric: { kind: 'research-visit', qualifier: null, measure: 'quantity', unit: '篇' },
      rule: 'party-lecture-quarterly',
      side: 'should',
      rollup: true,
      period: '2025-Q1',
    };
    report.figures.push(extra);
    const cells = row(renderHtml(report), 4);
    expect(cells).toContain('<code>quantity</code>（篇）');
    expect(cells).toContain('规则 <code>party-lecture-quarterly</code> 应开展');
    expect(cells).toContain('<code>b1</code>（含下级）');
    expect(cells).toContain('<td>2025-Q1</td>');
  });

  it('ends with the provenance section on its own printed page, holding the report meta', () => {
    const html = renderHtml(sampleReport());
    expect(html.indexOf('</article>')).toBeLessThan(html.indexOf('<section class="provenance"'));
    expect(html).toMatch(/section\.provenance \{[^}]*break-before: page;/);
    expect(html).toContain('<h2 id="provenance-heading">数据来源</h2>');
    expect(html).toContain('<dt>报告编号</dt><dd><code>r-0001</code></dd>');
    expect(html).toContain('<dt>模板</dt><dd>branch-secretary（<code>abc123</code>）</dd>');
    expect(html).toContain('<dt>规则版本</dt><dd><code>2018-branch-regulation+local-v1</code></dd>');
    expect(html).toContain('<dt>计数口径</dt><dd><code>counting-v1</code></dd>');
    expect(html).toContain('<dt>编制时间</dt><dd><code>2026-01-05T02:00:00.000Z</code></dd>');
    expect(html).toContain('<dt>读取位置</dt><dd><code>42</code></dd>');
    expect(html).toContain('<dt>链头</dt><dd><code>org-b1</code> 版本 40 <code>ff00</code></dd>');
  });

  it('says 未登记 for a report not yet recorded', () => {
    const report: CompiledReport = { ...sampleReport(), reportId: null };
    expect(renderHtml(report)).toContain('<dt>报告编号</dt><dd>未登记</dd>');
  });

  it('refuses a document that points at a figure the report does not have', () => {
    const report = sampleReport();
    report.document.blocks.push({ type: 'paragraph', inlines: [f(7)] });
    expect(() => renderHtml(report)).toThrow(/figure 7/);
  });
});
