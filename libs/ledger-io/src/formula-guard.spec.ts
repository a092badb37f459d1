import { guardFormula, unguardFormula } from './formula-guard';

describe('formula guard for CSV cells', () => {
  it('puts an apostrophe before text a spreadsheet would run, and nothing before other text', () => {
    expect(guardFormula('=HYPERLINK("http://example.com","点击")')).toBe('\'=HYPERLINK("http://example.com","点击")');
    expect(guardFormula('+1')).toBe("'+1");
    expect(guardFormula('-植树主题党日')).toBe("'-植树主题党日");
    expect(guardFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(guardFormula('\t=1')).toBe("'\t=1");
    expect(guardFormula('学习=提高')).toBe('学习=提高');
    expect(guardFormula("'引号开头")).toBe("'引号开头");
  });

  it('takes that apostrophe off again, and leaves an apostrophe before anything else', () => {
    for (const text of ['=1+1', '-植树主题党日', '@x', '+86', 'plain', "'引号开头", "''=1"]) {
      expect(unguardFormula(guardFormula(text))).toBe(text);
    }
    expect(unguardFormula("'引号开头")).toBe("'引号开头");
    expect(unguardFormula("'=1")).toBe('=1');
  });
});
