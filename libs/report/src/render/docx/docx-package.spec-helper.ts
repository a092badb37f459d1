import JSZip from 'jszip';
import type { CompiledReport } from '../../compile/compiled-report';
import { sampleReport } from '../sample-report.spec-helper';
import { renderDocx, type RenderDocxOptions } from './render-docx';

/** The parts of a rendered .docx, read as text, for assertions on the OOXML itself. */
export interface DocxPackage {
  names: string[];
  part(name: string): Promise<string>;
}

export async function openDocx(buffer: Buffer): Promise<DocxPackage> {
  const zip = await JSZip.loadAsync(buffer);
  return {
    names: Object.keys(zip.files).filter((name) => !zip.files[name].dir),
    async part(name) {
      const file = zip.file(name);
      if (!file) throw new Error(`part ${name} is not in the package`);
      return file.async('string');
    },
  };
}

/** Every `<w:r>` run element (the pattern skips `<w:rPr>`, `<w:rFonts>`…). */
export function runsOf(xml: string): string[] {
  return xml.match(/<w:r(?:\s[^>]*)?>.*?<\/w:r>/gs) ?? [];
}

/** Every `<w:p>` paragraph element, in table cells too. */
export function paragraphsOf(xml: string): string[] {
  return xml.match(/<w:p(?:\s[^>]*)?>.*?<\/w:p>/gs) ?? [];
}

/** The one paragraph whose text contains `text`; fails loudly when there is none or several. */
export function paragraphWith(xml: string, text: string): string {
  const found = paragraphsOf(xml).filter((p) => textOf(p).includes(text));
  if (found.length !== 1) throw new Error(`expected one paragraph containing ${text}, found ${found.length}`);
  return found[0];
}

/** The concatenated `<w:t>` text of a fragment. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

/** The attributes of the first `<tag …>` in a fragment, or undefined when it has none. */
export function attributesOf(xml: string, tag: string): Record<string, string> | undefined {
  const element = new RegExp(`<${tag}(\\s[^>]*?)?/?>`).exec(xml);
  if (!element) return undefined;
  return Object.fromEntries([...(element[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

/** The `<w:style>` element with the given id from styles.xml. */
export function styleById(stylesXml: string, id: string): string {
  const style = new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`, 's').exec(stylesXml);
  if (!style) throw new Error(`no style ${id}`);
  return style[0];
}

/** Renders a report (the shared sample unless given) and opens the result. */
export async function renderAndOpen(report: CompiledReport = sampleReport(), options?: RenderDocxOptions): Promise<DocxPackage> {
  return openDocx(await renderDocx(report, options));
}
