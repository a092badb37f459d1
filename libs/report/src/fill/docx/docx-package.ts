/**
 * The main document part of a .docx package, read and written back with every other entry left as
 * it was (same names, same order, same bytes).
 */
import JSZip from 'jszip';

export const DOCUMENT_PART = 'word/document.xml';

export interface DocxPackage {
  zip: JSZip;
  documentXml: string;
}

export async function openDocx(buffer: Buffer): Promise<DocxPackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (error) {
    throw new Error(`Not a .docx package (cannot read the zip): ${(error as Error).message}`);
  }
  const part = zip.file(DOCUMENT_PART);
  if (!part) throw new Error(`Not a Word document: ${DOCUMENT_PART} is missing`);
  // Decoded by Buffer rather than JSZip's string reader so that a byte-order mark survives the round trip.
  const documentXml = (await part.async('nodebuffer')).toString('utf8');
  const encoding = /^\uFEFF?<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(documentXml)?.[1];
  if (encoding && !/^utf-?8$/i.test(encoding)) {
    throw new Error(`Unsupported encoding of ${DOCUMENT_PART}: ${encoding}`);
  }
  return { zip, documentXml };
}

/** The package with its document part replaced by `documentXml`. */
export async function saveDocx(pkg: DocxPackage, documentXml: string): Promise<Buffer> {
  const original = pkg.zip.file(DOCUMENT_PART);
  if (!original) throw new Error(`Not a Word document: ${DOCUMENT_PART} is missing`);
  // Replacing an existing key keeps the entry's place in the zip; no folder entries are invented.
  pkg.zip.file(DOCUMENT_PART, Buffer.from(documentXml, 'utf8'), {
    binary: true,
    createFolders: false,
    date: original.date,
    comment: original.comment,
    unixPermissions: original.unixPermissions,
    dosPermissions: original.dosPermissions,
  });
  return pkg.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
