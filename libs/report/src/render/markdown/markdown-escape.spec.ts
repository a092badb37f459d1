import { escapeHeadingEnd, escapeInline, escapeLineStart, escapeTableCell } from './markdown-escape';

describe('escapeInline', () => {
  it('leaves Chinese text and its punctuation alone', () => {
    const text = '全年召开支委会12次（含扩大会议），“三会一课”落实到位；参学率100%！';
    expect(escapeInline(text)).toBe(text);
  });

  it('escapes characters that open emphasis, code, links, raw HTML and strikethrough', () => {
    expect(escapeInline('a*b_c`d[e]f<g>h~i\\j')).toBe('a\\*b\\_c\\`d\\[e\\]f\\<g>h\\~i\\\\j');
  });

  it('escapes & only where it would start an entity', () => {
    expect(escapeInline('党建&业务')).toBe('党建&业务');
    expect(escapeInline('&amp; &#20;')).toBe('\\&amp; \\&#20;');
  });

  it('turns line breaks into single spaces so a block stays one line', () => {
    expect(escapeInline('第一行 \n  第二行\r\n第三行')).toBe('第一行 第二行 第三行');
  });
});

describe('escapeTableCell', () => {
  it('escapes the pipe as well', () => {
    expect(escapeTableCell('支委会|党员大会*')).toBe('支委会\\|党员大会\\*');
  });
});

describe('escapeLineStart', () => {
  it.each([
    ['# 标题', '\\# 标题'],
    ['###', '\\###'],
    ['> 引用', '\\> 引用'],
    ['- 一项', '\\- 一项'],
    ['+ 一项', '\\+ 一项'],
    ['---', '\\---'],
    ['- - -', '\\- - -'],
    ['1. 第一', '1\\. 第一'],
    ['2025) 年', '2025\\) 年'],
    ['    缩进四格', '缩进四格'],
  ])('breaks the block marker in %j', (line, escaped) => {
    expect(escapeLineStart(line)).toBe(escaped);
  });

  it.each(['#党建', '-2度', '1.全年召开', '2025年度', '一、履职情况', '　　全角空格开头'])(
    'leaves %j alone: it starts no block',
    (line) => {
      expect(escapeLineStart(line)).toBe(line);
    },
  );
});

describe('escapeHeadingEnd', () => {
  it('keeps a trailing # run from being read as the closing sequence', () => {
    expect(escapeHeadingEnd('C #')).toBe('C \\#');
    expect(escapeHeadingEnd('##')).toBe('\\##');
  });

  it('leaves a # inside a word alone', () => {
    expect(escapeHeadingEnd('学习C#')).toBe('学习C#');
  });
});
