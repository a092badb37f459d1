import { viewAt } from '../../../../libs/application/src/queries/view-at';
import type { Ledger } from '../../../../libs/application/src/ledger';
import type { CivilDate } from '../../../../libs/domain/src';
import { checkEncoding, checkFormat, exportLedger, type LedgerExport } from '../../../../libs/ledger-io/src/export';

export interface LedgerDownloadRequest {
  orgId: string;
  year: number;
  rollup: boolean;
  /** xlsx (default) or csv; anything else is a 400 on `format`. */
  format: string | undefined;
  /** CSV only: utf8 (default, with BOM) or gb18030. */
  encoding: string | undefined;
  asOf?: string;
  today: CivilDate;
}

/** The 台账 file of an org and year, as `taizhang export` writes it (inputs checked before any read). */
export async function ledgerDownload(ledger: Ledger, request: LedgerDownloadRequest): Promise<LedgerExport> {
  const format = checkFormat(request.format);
  const encoding = checkEncoding(format, request.encoding);
  const view = await viewAt(ledger, request.asOf, request.orgId);
  return exportLedger(view, {
    orgId: request.orgId,
    year: request.year,
    rollup: request.rollup,
    format,
    encoding: format === 'csv' ? encoding : undefined,
    today: request.today,
  });
}

/** `Content-Disposition` with an ASCII stand-in and the UTF-8 name (台账-第一党支部-2021.xlsx), RFC 6266. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
