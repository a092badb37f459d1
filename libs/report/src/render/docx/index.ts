export { renderDocx, DOCX_CREATOR, type RenderDocxOptions } from './render-docx';
export { DEFAULT_DOCX_FONTS, type DocxFonts } from './docx-fonts';
