import { sampleReport } from '../sample-report.spec-helper';
import { attributesOf, openDocx, renderAndOpen, runsOf, styleById, textOf, type DocxPackage } from './docx-package.spec-helper';
import { renderDocx } from './render-docx';

const DEFAULT_CJK_FONTS = ['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312', '宋体'];

describe('renderDocx: the package', () => {
  let docx: DocxPackage;
  let documentXml: string;

  beforeAll(async () => {
    docx = await renderAndOpen();
    documentXml = await docx.part('word/document.xml');
  });

  it('returns a zip buffer', async () => {
    const buffer = await renderDocx(sampleReport());
    expect(Buffer.isBuffer(buffer)).toBe(true);
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('lays out an A4 portrait page', () => {
    const size = attributesOf(documentXml, 'w:pgSz');
    expect(size).toMatchObject({ 'w:w': '11906', 'w:h': '16838', 'w:orient': 'portrait' });
  });

  it('sets the 公文 margins in twips: top 37 mm, left 28 mm, right 26 mm, bottom 35 mm', () => {
    const margins = attributesOf(documentXml, 'w:pgMar');
    expect(margins).toMatchObject({ 'w:top': '2098', 'w:left': '1587', 'w:right': '1474', 'w:bottom': '1984' });
  });

  it('declares a 22-line grid of 579 twips', () => {
    expect(attributesOf(documentXml, 'w:docGrid')).toMatchObject({ 'w:type': 'lines', 'w:linePitch': '579' });
  });

  it('turns on different odd and even footers in the settings', async () => {
    expect(await docx.part('word/settings.xml')).toMatch(/<w:evenAndOddHeaders\/>/);
  });

  it('references a default and an even footer from the section', () => {
    const sectPr = /<w:sectPr>.*<\/w:sectPr>/s.exec(documentXml)?.[0] ?? '';
    expect(sectPr).toMatch(/<w:footerReference w:type="default" r:id="rId\d+"\/>/);
    expect(sectPr).toMatch(/<w:footerReference w:type="even" r:id="rId\d+"\/>/);
  });

  it('lists both footers in [Content_Types].xml', async () => {
    const types = await docx.part('[Content_Types].xml');
    const footerParts = [...types.matchAll(/<Override [^>]*wordprocessingml\.footer\+xml[^>]*PartName="([^"]+)"/g)].map((m) => m[1]);
    expect(footerParts.sort()).toEqual(['/word/footer1.xml', '/word/footer2.xml']);
    expect(docx.names).toEqual(expect.arrayContaining(['word/footer1.xml', 'word/footer2.xml']));
  });

  it('writes the title and creator into the core properties', async () => {
    const core = await docx.part('docProps/core.xml');
    expect(core).toContain('<dc:title>办公室党支部书记2025年度抓党建工作述职报告</dc:title>');
    expect(core).toContain('<dc:creator>Taizhang 台账</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Taizhang 台账</cp:lastModifiedBy>');
  });

  it('falls back to org and year for the document title when there is no title block', async () => {
    const report = sampleReport();
    report.document.blocks = report.document.blocks.filter((block) => block.type !== 'title');
    const core = await (await renderAndOpen(report)).part('docProps/core.xml');
    expect(core).toContain('<dc:title>办公室党支部2025年度报告</dc:title>');
  });

  it('renders every block of the sample in order', () => {
    const text = textOf(documentXml);
    const order = ['述职报告', '（2026年1月）', '现将一年来', '一、履职情况', '（一）落实', '全年召开支委会12次', '项目', '2026年1月5日'];
    const positions = order.map((piece) => text.indexOf(piece));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('sets an East Asian and a Latin font on every text run, in the body and in both footers', async () => {
    const offenders: string[] = [];
    let checked = 0;
    for (const name of ['word/document.xml', 'word/footer1.xml', 'word/footer2.xml']) {
      for (const run of runsOf(await docx.part(name)).filter((r) => /<w:t[ >]/.test(r))) {
        const fonts = attributesOf(run, 'w:rFonts');
        const ok = DEFAULT_CJK_FONTS.includes(fonts?.['w:eastAsia'] ?? '') && !!fonts?.['w:ascii'] && fonts['w:hAnsi'] === fonts['w:ascii'];
        if (!ok) offenders.push(`${name}: ${textOf(run)}`);
        checked += 1;
      }
    }
    expect(offenders).toEqual([]);
    expect(checked).toBeGreaterThan(15);
  });

  it('marks runs and document defaults as simplified Chinese', async () => {
    const runs = runsOf(documentXml).filter((run) => /<w:t[ >]/.test(run));
    expect(runs.every((run) => attributesOf(run, 'w:lang')?.['w:eastAsia'] === 'zh-CN')).toBe(true);
    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/s.exec(await docx.part('word/styles.xml'))?.[0] ?? '';
    expect(attributesOf(defaults, 'w:lang')?.['w:eastAsia']).toBe('zh-CN');
  });

  it('puts 3号 仿宋 with a Latin face in the document defaults', async () => {
    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/s.exec(await docx.part('word/styles.xml'))?.[0] ?? '';
    expect(attributesOf(defaults, 'w:rFonts')).toMatchObject({ 'w:eastAsia': '仿宋_GB2312', 'w:ascii': 'Times New Roman' });
    expect(attributesOf(defaults, 'w:sz')).toEqual({ 'w:val': '32' });
  });
});

describe('renderDocx: custom fonts', () => {
  const custom = { title: 'SimHei', body: 'FangSong', heading1: 'Microsoft YaHei', heading2: 'KaiTi', pageNumber: 'SimSun', latin: 'Arial' };
  let docx: DocxPackage;

  beforeAll(async () => {
    docx = await openDocx(await renderDocx(sampleReport(), { fonts: custom }));
  });

  it('writes the given East Asian names on the runs of each block kind', async () => {
    const eastAsiaOf = (xml: string, text: string): string | undefined =>
      attributesOf(runsOf(xml).find((run) => textOf(run).includes(text)) ?? '', 'w:rFonts')?.['w:eastAsia'];
    const documentXml = await docx.part('word/document.xml');
    expect(eastAsiaOf(documentXml, '述职报告')).toBe('SimHei');
    expect(eastAsiaOf(documentXml, '现将一年来')).toBe('FangSong');
    expect(eastAsiaOf(documentXml, '一、履职情况')).toBe('Microsoft YaHei');
    expect(eastAsiaOf(documentXml, '（一）落实')).toBe('KaiTi');
    expect(eastAsiaOf(await docx.part('word/footer1.xml'), '—')).toBe('SimSun');
    expect(attributesOf(runsOf(documentXml)[0], 'w:rFonts')?.['w:ascii']).toBe('Arial');
  });

  it('leaves none of the default typefaces in the body, footers or styles', async () => {
    for (const name of ['word/document.xml', 'word/footer1.xml', 'word/footer2.xml', 'word/styles.xml']) {
      const xml = await docx.part(name);
      const left = [...DEFAULT_CJK_FONTS, 'Times New Roman'].filter((font) => xml.includes(`"${font}"`));
      expect({ name, left }).toEqual({ name, left: [] });
    }
  });

  it('uses the given names in the styles too', async () => {
    const styles = await docx.part('word/styles.xml');
    expect(attributesOf(styleById(styles, 'Heading1'), 'w:rFonts')?.['w:eastAsia']).toBe('Microsoft YaHei');
    expect(attributesOf(styleById(styles, 'ReportBody'), 'w:rFonts')?.['w:eastAsia']).toBe('FangSong');
  });
});
