/**
 * The typefaces of a GB/T 9704 official document. Names are configurable because machines without
 * the 方正/GB2312 fonts (most non-government installs) would otherwise fall back to whatever Word picks.
 */
export interface DocxFonts {
  /** 公文标题: 小标宋. */
  title: string;
  /** 正文 and signature: 仿宋. */
  body: string;
  /** 一级标题 (一、): 黑体. */
  heading1: string;
  /** 二级标题 (（一）) and the subtitle: 楷体. */
  heading2: string;
  /** 页码: 宋体. */
  pageNumber: string;
  /** Latin letters and Arabic digits in body text. */
  latin: string;
}

export const DEFAULT_DOCX_FONTS: DocxFonts = Object.freeze({
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
});

/** Defaults overlaid with the caller's names; blank names are ignored rather than written as empty fonts. */
export function resolveDocxFonts(overrides: Partial<DocxFonts> = {}): DocxFonts {
  const fonts: DocxFonts = { ...DEFAULT_DOCX_FONTS };
  for (const key of Object.keys(fonts) as (keyof DocxFonts)[]) {
    const name = overrides[key]?.trim();
    if (name) fonts[key] = name;
  }
  return fonts;
}
