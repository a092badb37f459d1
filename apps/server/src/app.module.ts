import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LedgerModule } from '../../../libs/application/src/ledger.module';
import { AuthModule } from './auth/auth.module';
import { HttpErrorFilter } from './errors/http-error.filter';
import { ApiModule } from './api/api.module';
import { HealthController } from './health.controller';
import { PagesModule } from './pages/pages.module';
import type { ServerOptions } from './server-options';
import { SERVER_OPTIONS } from './server-tokens';

/**
 * The server: the same ledger module (CQRS handlers) as the CLI, the auth layer every route
 * passes through, and the HTTP controllers. Errors become answers in one filter.
 */
@Module({})
export class AppModule {
  static forRoot(options: ServerOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LedgerModule.forRoot({ storeUrl: options.storeUrl, readStoreUrl: options.readStoreUrl, live: true, clock: options.clock }),
        AuthModule.forRoot({ cookies: { secure: options.secureCookies ?? false } }),
        ApiModule,
        PagesModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: SERVER_OPTIONS, useValue: options }, { provide: APP_FILTER, useClass: HttpErrorFilter }],
      exports: [SERVER_OPTIONS],
    };
  }
}
