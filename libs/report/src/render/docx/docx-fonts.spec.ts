import { DEFAULT_DOCX_FONTS, resolveDocxFonts } from './docx-fonts';

describe('docx fonts', () => {
  it('defaults to the GB/T 9704 typefaces', () => {
    expect(DEFAULT_DOCX_FONTS).toEqual({
      title: '方正小标宋简体',
      body: '仿宋_GB2312',
      heading1: '黑体',
      heading2: '楷体_GB2312',
      pageNumber: '宋体',
      latin: 'Times New Roman',
    });
  });

  it('overlays the names given and keeps the rest', () => {
    const fonts = resolveDocxFonts({ body: 'FangSong', title: ' SimSun ' });
    expect(fonts.body).toBe('FangSong');
    expect(fonts.title).toBe('SimSun');
    expect(fonts.heading1).toBe('黑体');
  });

  it('ignores blank names instead of writing empty fonts', () => {
    expect(resolveDocxFonts({ body: '  ', heading2: '' })).toEqual(DEFAULT_DOCX_FONTS);
  });

  it('never mutates the defaults', () => {
    resolveDocxFonts({ body: 'FangSong' });
    expect(DEFAULT_DOCX_FONTS.body).toBe('仿宋_GB2312');
  });
});
