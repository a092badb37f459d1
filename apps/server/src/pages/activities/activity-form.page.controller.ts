import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import {
  CorrectActivityCommand,
  LogActivityCommand,
  newActivityId,
  VoidActivityCommand,
} from '../../../../../libs/application/src/commands/activity.commands';
import type { ActivityDoc, OrgDoc } from '../../../../../libs/domain/src';
import { CsrfToken, CurrentAccount } from '../../auth/current-account.decorator';
import type { SessionAccount } from '../../auth/session-account';
import { webMeta } from '../../auth/web-meta';
import { attemptForm, FieldErrors, NO_ERRORS, sameNames } from '../field-errors';
import { flagOf, FormFields, textOf } from '../form-values';
import { PageClock } from '../page-clock';
import { OrgOption, PageOrgs } from '../page-orgs';
import { dropCsrfFromUrl, pageFrame, redirectAfterPost, renderPage } from '../page-render';
import { ActivityDetailModels } from './activity-detail.view-model';
import {
  ACTIVITY_INPUTS,
  ActivityFormValues,
  activityFormValuesOf,
  activityFormValuesOfDetails,
  correctActivityInputOf,
  logActivityInputOf,
} from './activity-form-values';
import { activityFormModel, markUnrecordedPresent } from './activity-form.view-model';
import { ActivityReader } from './activity-reader';

/**
 * 登记活动 and the two ways a record changes afterwards (更正, 作废), each with a reason. Only
 * secretaries and admins, in scope, reach these forms; an auditor's GET or POST is refused (403).
 */
@Controller('activities')
export class ActivityFormPageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly orgs: PageOrgs,
    private readonly clock: PageClock,
    private readonly reader: ActivityReader,
    private readonly details: ActivityDetailModels,
  ) {}

  /** The empty form, or the same form re-read for another org or date (载入名单, 全部出席). */
  @Get('new')
  async newForm(
    @CurrentAccount() account: SessionAccount,
    @CsrfToken() csrfToken: string,
    @Query() query: FormFields,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (dropCsrfFromUrl(res, req.originalUrl)) return;
    const values = activityFormValuesOf(query);
    values.date ||= this.clock.today();
    values.activityId ||= newActivityId(values.date);
    await this.showNewForm(res, account, csrfToken, values, NO_ERRORS, 200, flagOf(query, 'allPresent'));
  }

  @Post('new')
  async log(
    @CurrentAccount() account: SessionAccount,
    @CsrfToken() csrfToken: string,
    @Body() body: FormFields,
    @Res() res: Response,
  ): Promise<void> {
    const values = activityFormValuesOf(body);
    await this.orgs.assertCanWrite(account, values.orgId);
    const result = await attemptForm(
      () => this.commands.execute(new LogActivityCommand(logActivityInputOf(values), webMeta(account))),
      ACTIVITY_INPUTS,
    );
    if (result.ok) return redirectAfterPost(res, detailUrl(result.value.activityId, result.value.alreadyLogged ? 'again' : 'logged'));
    await this.showNewForm(res, account, csrfToken, values, result.errors, result.status, false);
  }

  @Get(':id/correct')
  async correctForm(
    @CurrentAccount() account: SessionAccount,
    @CsrfToken() csrfToken: string,
    @Param('id') id: string,
    @Query() query: FormFields,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (dropCsrfFromUrl(res, req.originalUrl)) return;
    const activity = await this.writableActivity(account, id);
    // A reload (载入名单) carries the edited values; the first visit starts from the record.
    const reloaded = textOf(query, 'date') !== '';
    const values = reloaded ? { ...activityFormValuesOf(query), orgId: activity.orgId } : activityFormValuesOfDetails(activity.id, activity.orgId, activity.details);
    await this.showCorrectForm(res, account, csrfToken, activity, values, NO_ERRORS, 200, flagOf(query, 'allPresent'));
  }

  @Post(':id/correct')
  async correct(
    @CurrentAccount() account: SessionAccount,
    @CsrfToken() csrfToken: string,
    @Param('id') id: string,
    @Body() body: FormFields,
    @Res() res: Response,
  ): Promise<void> {
    const activity = await this.writableActivity(account, id);
    const values = { ...activityFormValuesOf(body), orgId: activity.orgId };
    const result = await attemptForm(
      () => this.commands.execute(new CorrectActivityCommand(correctActivityInputOf(activity.id, values), webMeta(account))),
      ACTIVITY_INPUTS,
    );
    if (result.ok) return redirectAfterPost(res, detailUrl(activity.id, 'corrected'));
    await this.showCorrectForm(res, account, csrfToken, activity, values, result.errors, result.status, false);
  }

  @Post(':id/void')
  async void(
    @CurrentAccount() account: SessionAccount,
    @CsrfToken() csrfToken: string,
    @Param('id') id: string,
    @Body() body: FormFields,
    @Res() res: Response,
  ): Promise<void> {
    const activity = await this.writableActivity(account, id);
    const reason = textOf(body, 'reason');
    const result = await attemptForm(() => this.commands.execute(new VoidActivityCommand({ activityId: activity.id, reason }, webMeta(account))), sameNames('reason'));
    if (result.ok) return redirectAfterPost(res, detailUrl(activity.id, 'voided'));
    const model = await this.details.build(activity, account, { voidErrors: result.errors, voidReason: reason });
    renderPage(res, 'activity', pageFrame(`活动详情 · ${model.activity.title}`, 'ledger', account, csrfToken), model, result.status);
  }

  /** The record to correct or void: 404 when unknown, 403 for auditors and out-of-scope orgs. */
  private async writableActivity(account: SessionAccount, id: string): Promise<ActivityDoc> {
    const activity = await this.reader.get(id);
    await this.orgs.assertCanWrite(account, activity.orgId);
    return activity;
  }

  private async showNewForm(
    res: Response,
    account: SessionAccount,
    csrfToken: string,
    values: ActivityFormValues,
    errors: FieldErrors,
    status: number,
    allPresent: boolean,
  ): Promise<void> {
    const choice = await this.orgs.choose(account, values.orgId || undefined);
    const org = choice.selected;
    if (org === null) {
      renderPage(res, 'no-org', pageFrame('登记活动', 'new-activity', account, csrfToken), {});
      return;
    }
    await this.orgs.assertCanWrite(account, org.id);
    values.orgId = org.id;
    await this.render(res, account, csrfToken, 'new', org, values, errors, status, allPresent, {
      action: '/activities/new',
      reloadAction: '/activities/new',
      orgOptions: choice.options.filter((o) => !o.dissolved || o.selected),
      showReason: false,
      submitLabel: '登记',
    });
  }

  private async showCorrectForm(
    res: Response,
    account: SessionAccount,
    csrfToken: string,
    activity: ActivityDoc,
    values: ActivityFormValues,
    errors: FieldErrors,
    status: number,
    allPresent: boolean,
  ): Promise<void> {
    const org = (await this.reader.org(activity.orgId)) as OrgDoc;
    const path = `/activities/${encodeURIComponent(activity.id)}/correct`;
    await this.render(res, account, csrfToken, 'correct', org, values, errors, status, allPresent, {
      action: path,
      reloadAction: path,
      orgOptions: null,
      showReason: true,
      submitLabel: '保存更正',
    });
  }

  private async render(
    res: Response,
    account: SessionAccount,
    csrfToken: string,
    mode: 'new' | 'correct',
    org: OrgDoc,
    formValues: ActivityFormValues,
    errors: FieldErrors,
    status: number,
    allPresent: boolean,
    form: { action: string; reloadAction: string; orgOptions: OrgOption[] | null; showReason: boolean; submitLabel: string },
  ): Promise<void> {
    const groups = await this.reader.groupsOf(org.id);
    const roster = await this.reader.rosterOn(org.id, groups, formValues.date);
    const known = await this.reader.everMembers(org.id, groups);
    const values = allPresent && roster ? markUnrecordedPresent(formValues, roster) : formValues;
    const model = activityFormModel({ ...form, org, groups, roster, known, values, errors });
    const title = mode === 'new' ? '登记活动' : `更正活动 ${values.activityId}`;
    renderPage(res, 'activity-form', pageFrame(title, mode === 'new' ? 'new-activity' : 'ledger', account, csrfToken), { form: model, mode, isNew: mode === 'new' }, status);
  }
}

/** The activity's page after a write; the flag picks its message (activity-detail.page.controller). */
function detailUrl(activityId: string, done: 'logged' | 'again' | 'corrected' | 'voided'): string {
  return `/activities/${encodeURIComponent(activityId)}?${done}=1`;
}
