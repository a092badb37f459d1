import { StreamableFile } from '@nestjs/common';

const CONTENT_TYPES: Record<string, string> = {
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/**
 * A document sent as a download (never shown inline: an HTML report opened from our origin could
 * run whatever a template put in it). The file name may be Chinese: `filename*` carries it in
 * UTF-8 (RFC 6266), `filename` an ASCII stand-in for old clients.
 */
export function downloadOf(content: string | Buffer, filename: string, format: string): StreamableFile {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new StreamableFile(typeof content === 'string' ? Buffer.from(content, 'utf8') : content, {
    type: CONTENT_TYPES[format] ?? 'application/octet-stream',
    disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  });
}
