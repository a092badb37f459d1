import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Ledger } from '../../../../../libs/application/src/ledger';
import { LEDGER } from '../../../../../libs/application/src/tokens';
import { ValidationError } from '../../../../../libs/domain/src';
import { CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import { attachmentDisposition, ledgerDownload } from '../../ledger-io/ledger-download';
import { FormFields, optionalTextOf, textOf } from '../form-values';
import { PageClock } from '../page-clock';
import { PageOrgs } from '../page-orgs';

/**
 * The 台账 page's download buttons: `/ledger/export?org=&year=&format=xlsx|csv&encoding=&rollup=`.
 * Exporting is reading: anyone who may see the 台账 may take it away (auditors above all).
 */
@Controller('ledger')
export class LedgerExportPageController {
  constructor(
    @Inject(LEDGER) private readonly ledger: Ledger,
    private readonly orgs: PageOrgs,
    private readonly clock: PageClock,
  ) {}

  @Get('export')
  async download(@CurrentAccount() account: SessionAccount, @Query() query: FormFields, @Res() res: Response): Promise<void> {
    const orgId = optionalTextOf(query, 'org') ?? account.orgId;
    if (!orgId) throw ValidationError.of('org', '请选择要导出的组织', 'choose the org to export');
    await this.orgs.assertCanRead(account, orgId);
    const file = await ledgerDownload(this.ledger, {
      orgId,
      year: this.clock.yearOf(optionalTextOf(query, 'year')),
      rollup: ['1', 'true', 'on'].includes(textOf(query, 'rollup')),
      format: optionalTextOf(query, 'format'),
      encoding: optionalTextOf(query, 'encoding'),
      today: this.clock.today(),
    });
    res.status(200);
    res.setHeader('Content-Type', file.mimeType);
    res.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
    res.setHeader('Cache-Control', 'no-store');
    res.end(file.content);
  }
}
