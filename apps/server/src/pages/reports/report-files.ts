import { basename, extname } from 'node:path';
import type { ReportFormat } from '../../../../../libs/application/src/reports';
import { ValidationError } from '../../../../../libs/domain/src';
import { renderDocx, renderHtml, renderJson, renderMarkdown, renderPdf, type CompiledReport, type DraftFormat } from '../../../../../libs/report/src';

export interface ReportFile {
  content: Buffer;
  contentType: string;
  fileName: string;
}

const DOWNLOAD_FORMATS: readonly ReportFormat[] = ['docx', 'md', 'json', 'pdf', 'html'];

const CONTENT_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

export function downloadFormatOf(text: string): ReportFormat {
  if ((DOWNLOAD_FORMATS as readonly string[]).includes(text)) return text as ReportFormat;
  throw ValidationError.of('format', `下载格式须为 docx、md、json 或 pdf，收到“${text}”`, `format must be docx, md, json or pdf, got ${text}`);
}

/** The compiled report in the chosen format, named as the CLI names it (`<org>-<year>-<template>.<ext>`). */
export async function reportFile(report: CompiledReport, format: ReportFormat): Promise<ReportFile> {
  const content =
    format === 'docx'
      ? await renderDocx(report)
      : format === 'pdf'
        ? await renderPdf(report)
        : Buffer.from(format === 'md' ? renderMarkdown(report) : format === 'json' ? renderJson(report) : renderHtml(report), 'utf8');
  return { content, contentType: CONTENT_TYPES[format], fileName: `${report.org.id}-${report.year}-${report.template.name}.${format}` };
}

/** `Content-Disposition` with an ASCII fallback and the UTF-8 name (Chinese file names). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The filled draft as a link the page can offer without keeping it on the server. */
export function filledDraftLink(originalName: string, format: DraftFormat, content: Buffer): { href: string; fileName: string } {
  const stem = basename(originalName, extname(originalName)) || 'draft';
  const type = CONTENT_TYPES[format] ?? 'application/octet-stream';
  return { href: `data:${type};base64,${content.toString('base64')}`, fileName: `${stem}-已填.${format}` };
}

/** The report's own HTML, without its page shell: the article and its 数据来源 section. */
export function previewHtmlOf(report: CompiledReport): string {
  const html = renderHtml(report);
  const start = html.indexOf('<article class="report">');
  const end = html.lastIndexOf('</body>');
  return start >= 0 && end > start ? html.slice(start, end) : html;
}

/**
 * Multer hands over a multipart file name decoded as Latin-1; browsers send UTF-8 (我的草稿.docx).
 * Re-decode it, unless that does not give valid UTF-8 (then the name was Latin-1 after all).
 */
export function uploadedFileName(name: string): string {
  const bytes = Buffer.from(name, 'latin1');
  const utf8 = bytes.toString('utf8');
  return Buffer.from(utf8, 'utf8').equals(bytes) ? utf8 : name;
}
