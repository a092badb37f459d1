import { escapeHtml } from './html-escape';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('leaves Chinese text alone', () => {
    expect(escapeHtml('“三会一课”（一）')).toBe('“三会一课”（一）');
  });
});
