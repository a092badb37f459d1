import { Module } from '@nestjs/common';
import { ApiScope } from './api-scope';
import { ActivitiesController } from './controllers/activities.controller';
import { CatalogController } from './controllers/catalog.controller';
import { FillController } from './controllers/fill.controller';
import { MembersController } from './controllers/members.controller';
import { OrgImportExportController } from './controllers/org-import-export.controller';
import { OrgLedgerController } from './controllers/org-ledger.controller';
import { OrgsController } from './controllers/orgs.controller';
import { ReportsController } from './controllers/reports.controller';
import { UsersController } from './controllers/users.controller';
import { VerifyController } from './controllers/verify.controller';

/**
 * The REST API under `/api`: the CLI's commands and queries over HTTP, on the same CQRS handlers
 * (LedgerModule is global). Sessions, CSRF and the JSON error shape come from the app's global
 * guard and filter; every route here checks the account's org scope itself (ApiScope).
 */
@Module({
  controllers: [
    OrgsController,
    MembersController,
    ActivitiesController,
    OrgLedgerController,
    OrgImportExportController,
    VerifyController,
    ReportsController,
    FillController,
    UsersController,
    CatalogController,
  ],
  // AccessService comes from the global AuthModule.
  providers: [ApiScope],
})
export class ApiModule {}
