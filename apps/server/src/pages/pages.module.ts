import { Module } from '@nestjs/common';
import { AccountsPageController } from './accounts/accounts.page.controller';
import { ActivityDetailPageController } from './activities/activity-detail.page.controller';
import { ActivityDetailModels } from './activities/activity-detail.view-model';
import { ActivityFormPageController } from './activities/activity-form.page.controller';
import { ActivityReader } from './activities/activity-reader';
import { AuditPageController } from './audit/audit.page.controller';
import { CompliancePageController } from './compliance/compliance.page.controller';
import { PendingImports } from '../ledger-io/import-uploads';
import { ImportPageController } from './imports/import.page.controller';
import { LedgerExportPageController } from './ledger/ledger-export.page.controller';
import { LedgerPageController } from './ledger/ledger.page.controller';
import { OrgsPageController } from './orgs/orgs.page.controller';
import { OrgYearPages } from './org-year-page';
import { PageClock } from './page-clock';
import { PageOrgs } from './page-orgs';
import { ReportsPageController } from './reports/reports.page.controller';
import { TallyPageController } from './tally/tally.page.controller';

/**
 * The server-rendered Chinese pages. They call the application layer (CommandBus / QueryBus: the
 * handlers the CLI uses) directly, never the REST API; every read and write is scope-checked with
 * the AccessService the (global) auth module provides.
 */
@Module({
  controllers: [
    LedgerPageController,
    LedgerExportPageController,
    ImportPageController,
    // Before the detail controller: `/activities/new` must not be taken for an activity id.
    ActivityFormPageController,
    ActivityDetailPageController,
    CompliancePageController,
    TallyPageController,
    ReportsPageController,
    AuditPageController,
    OrgsPageController,
    AccountsPageController,
  ],
  providers: [PendingImports, PageOrgs, PageClock, OrgYearPages, ActivityReader, ActivityDetailModels],
})
export class PagesModule {}
