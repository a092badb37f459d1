import { attributesOf, paragraphWith, renderAndOpen, runsOf, styleById, type DocxPackage } from './docx-package.spec-helper';

/** Formatting of each text block kind, as written on the paragraph and in its style. */
describe('text block paragraphs', () => {
  let documentXml: string;
  let stylesXml: string;

  beforeAll(async () => {
    const docx: DocxPackage = await renderAndOpen();
    documentXml = await docx.part('word/document.xml');
    stylesXml = await docx.part('word/styles.xml');
  });

  const eastAsia = (paragraph: string) => runsOf(paragraph).map((run) => attributesOf(run, 'w:rFonts')?.['w:eastAsia']);
  const sizes = (paragraph: string) => runsOf(paragraph).map((run) => attributesOf(run, 'w:sz')?.['w:val']);

  it('sets the title in 2号 (44 half-points) 小标宋, centred, unindented', () => {
    const title = paragraphWith(documentXml, '述职报告');
    expect(attributesOf(title, 'w:pStyle')).toEqual({ 'w:val': 'Title' });
    expect(attributesOf(title, 'w:jc')).toEqual({ 'w:val': 'center' });
    expect(attributesOf(title, 'w:ind')).toMatchObject({ 'w:firstLine': '0' });
    expect(new Set(sizes(title))).toEqual(new Set(['44']));
    expect(new Set(eastAsia(title))).toEqual(new Set(['方正小标宋简体']));
  });

  it('sets the subtitle centred in 3号 楷体 and leaves one grid line after the title group', () => {
    const subtitle = paragraphWith(documentXml, '（2026年1月）');
    expect(attributesOf(subtitle, 'w:jc')).toEqual({ 'w:val': 'center' });
    expect(sizes(subtitle)).toEqual(['32']);
    expect(eastAsia(subtitle)).toEqual(['楷体_GB2312']);
    expect(attributesOf(subtitle, 'w:spacing')).toMatchObject({ 'w:after': '579', 'w:line': '579', 'w:lineRule': 'exact' });
    expect(attributesOf(paragraphWith(documentXml, '述职报告'), 'w:spacing')).toMatchObject({ 'w:after': '0' });
  });

  it('sets body text in 3号 仿宋, indented two characters, on exact 579-twip lines with no space around', () => {
    const body = paragraphWith(documentXml, '现将一年来');
    expect(attributesOf(body, 'w:pStyle')).toEqual({ 'w:val': 'ReportBody' });
    expect(attributesOf(body, 'w:ind')).toEqual({ 'w:firstLine': '640', 'w:firstLineChars': '200' });
    expect(attributesOf(body, 'w:spacing')).toEqual({ 'w:before': '0', 'w:after': '0', 'w:line': '579', 'w:lineRule': 'exact' });
    expect(sizes(body)).toEqual(['32']);
    expect(eastAsia(body)).toEqual(['仿宋_GB2312']);
  });

  it('keeps every run of a paragraph with figures in the body look', () => {
    const body = paragraphWith(documentXml, '全年召开支委会');
    expect(runsOf(body)).toHaveLength(9);
    expect(new Set(sizes(body))).toEqual(new Set(['32']));
    expect(new Set(eastAsia(body))).toEqual(new Set(['仿宋_GB2312']));
  });

  it('sets 一、 headings in 黑体 and （一） headings in 楷体, both 3号 with the body indent and grid', () => {
    const level1 = paragraphWith(documentXml, '一、履职情况');
    const level2 = paragraphWith(documentXml, '（一）落实');
    expect(eastAsia(level1)).toEqual(['黑体']);
    expect(eastAsia(level2)).toEqual(['楷体_GB2312']);
    for (const heading of [level1, level2]) {
      expect(sizes(heading)).toEqual(['32']);
      expect(attributesOf(heading, 'w:ind')).toEqual({ 'w:firstLine': '640', 'w:firstLineChars': '200' });
      expect(attributesOf(heading, 'w:spacing')).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' });
      expect(heading).toContain('<w:keepNext/>');
    }
    expect(attributesOf(level1, 'w:pStyle')).toEqual({ 'w:val': 'Heading1' });
    expect(attributesOf(level2, 'w:pStyle')).toEqual({ 'w:val': 'Heading2' });
    expect(attributesOf(level1, 'w:outlineLvl')).toEqual({ 'w:val': '0' });
    expect(attributesOf(level2, 'w:outlineLvl')).toEqual({ 'w:val': '1' });
  });

  it('right-aligns the signature without indent, one grid line below the text', () => {
    const signature = paragraphWith(documentXml, '2026年1月5日');
    expect(attributesOf(signature, 'w:jc')).toEqual({ 'w:val': 'right' });
    expect(attributesOf(signature, 'w:ind')).toEqual({ 'w:firstLine': '0', 'w:firstLineChars': '0' });
    expect(attributesOf(signature, 'w:spacing')).toMatchObject({ 'w:before': '579', 'w:after': '0' });
    expect(eastAsia(signature)).toEqual(['仿宋_GB2312']);
  });

  it('defines the same looks as styles, replacing the library’s own Title and Heading styles', () => {
    const title = styleById(stylesXml, 'Title');
    expect(attributesOf(title, 'w:sz')).toEqual({ 'w:val': '44' });
    expect(attributesOf(title, 'w:rFonts')?.['w:eastAsia']).toBe('方正小标宋简体');
    const heading2 = styleById(stylesXml, 'Heading2');
    expect(attributesOf(heading2, 'w:rFonts')?.['w:eastAsia']).toBe('楷体_GB2312');
    expect(heading2).not.toContain('<w:color');
    const body = styleById(stylesXml, 'ReportBody');
    expect(attributesOf(body, 'w:spacing')).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' });
    expect(attributesOf(body, 'w:ind')).toEqual({ 'w:firstLine': '640', 'w:firstLineChars': '200' });
    expect(stylesXml.match(/w:styleId="Title"/g)).toHaveLength(1);
    expect(stylesXml.match(/w:styleId="Heading1"/g)).toHaveLength(1);
  });
});
