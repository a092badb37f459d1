/** Hand-written WordprocessingML for unit tests: a body wrapped in a real document root. */
export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

export function documentXml(body: string, prefix = 'w'): string {
  const q = (local: string) => (prefix ? `${prefix}:${local}` : local);
  const ns = prefix ? `xmlns:${prefix}="${W_NS}"` : `xmlns="${W_NS}"`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    `<${q('document')} ${ns} xmlns:mc="${MC_NS}"><${q('body')}>${body}<${q('sectPr')}/></${q('body')}></${q('document')}>`
  );
}

/** The body of a document produced by documentXml (prefix w). */
export function bodyOf(xml: string): string {
  const start = xml.indexOf('<w:body>') + '<w:body>'.length;
  return xml.slice(start, xml.indexOf('<w:sectPr/>'));
}
