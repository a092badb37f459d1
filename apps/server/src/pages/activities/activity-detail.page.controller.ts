import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CsrfToken, CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import { FormFields, flagOf } from '../form-values';
import { PageOrgs } from '../page-orgs';
import { pageFrame, renderPage } from '../page-render';
import { ActivityDetailModels } from './activity-detail.view-model';
import { ActivityReader } from './activity-reader';

/** 活动详情: anyone who may read the org sees the record and its history of corrections. */
@Controller('activities')
export class ActivityDetailPageController {
  constructor(
    private readonly reader: ActivityReader,
    private readonly orgs: PageOrgs,
    private readonly models: ActivityDetailModels,
  ) {}

  @Get(':id')
  async show(
    @CurrentAccount() account: SessionAccount,
    @CsrfToken() csrfToken: string,
    @Param('id') id: string,
    @Query() query: FormFields,
    @Res() res: Response,
  ): Promise<void> {
    const activity = await this.reader.get(id);
    await this.orgs.assertCanRead(account, activity.orgId);
    const model = await this.models.build(activity, account);
    const flash = flagOf(query, 'logged')
      ? '已登记。'
      : flagOf(query, 'again')
        ? '该活动已登记过（重复提交），未重复登记。'
        : flagOf(query, 'corrected')
          ? '已保存更正。'
          : flagOf(query, 'voided')
            ? '已作废。'
            : null;
    renderPage(res, 'activity', pageFrame(`活动详情 · ${model.activity.title}`, 'ledger', account, csrfToken), { ...model, ...(flash ? { flash } : {}) });
  }
}
