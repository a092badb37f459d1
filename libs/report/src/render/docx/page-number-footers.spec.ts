import { attributesOf, renderAndOpen, runsOf, textOf, type DocxPackage } from './docx-package.spec-helper';
import { PAGE_NUMBER_INSET } from './gongwen-measures';

/** The footer part a section's footerReference of the given type points to. */
async function footerPart(docx: DocxPackage, type: 'default' | 'even'): Promise<string> {
  const documentXml = await docx.part('word/document.xml');
  const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"/>`).exec(documentXml)?.[1];
  const rels = await docx.part('word/_rels/document.xml.rels');
  const target = new RegExp(`<Relationship Id="${id}" Type="[^"]+/footer" Target="([^"]+)"/>`).exec(rels)?.[1];
  if (!id || !target) throw new Error(`no ${type} footer`);
  return docx.part(`word/${target}`);
}

describe('page number footers', () => {
  let odd: string;
  let even: string;

  beforeAll(async () => {
    const docx = await renderAndOpen();
    odd = await footerPart(docx, 'default');
    even = await footerPart(docx, 'even');
  });

  it('puts a real PAGE field between em dashes in both footers', () => {
    for (const footer of [odd, even]) {
      const fieldChars = [...footer.matchAll(/<w:fldChar w:fldCharType="(\w+)"\/>/g)].map((m) => m[1]);
      expect(fieldChars).toEqual(['begin', 'separate', 'end']);
      expect(footer).toMatch(/<w:instrText xml:space="preserve">\s*PAGE\s*<\/w:instrText>/);
      expect(textOf(footer)).toBe('\u2014  \u2014');
      const begin = footer.indexOf('fldCharType="begin"');
      expect(footer.indexOf('\u2014 <')).toBeLessThan(begin);
      expect(footer.lastIndexOf(' \u2014')).toBeGreaterThan(footer.indexOf('fldCharType="end"'));
    }
  });

  it('right-aligns odd pages and left-aligns even pages, one character in', () => {
    expect(attributesOf(odd, 'w:jc')).toEqual({ 'w:val': 'right' });
    expect(attributesOf(odd, 'w:ind')).toEqual({ 'w:right': String(PAGE_NUMBER_INSET) });
    expect(attributesOf(even, 'w:jc')).toEqual({ 'w:val': 'left' });
    expect(attributesOf(even, 'w:ind')).toEqual({ 'w:left': String(PAGE_NUMBER_INSET) });
  });

  it('sets every footer run, the field’s included, in 4号 (28 half-points) 宋体', () => {
    for (const footer of [odd, even]) {
      const runs = runsOf(footer);
      expect(runs.length).toBe(6);
      for (const run of runs) {
        expect(attributesOf(run, 'w:sz')).toEqual({ 'w:val': '28' });
        expect(attributesOf(run, 'w:rFonts')).toMatchObject({ 'w:eastAsia': '宋体', 'w:ascii': '宋体', 'w:hAnsi': '宋体' });
      }
    }
  });
});
