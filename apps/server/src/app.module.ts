import { DynamicModule, Module } from '@nestjs/common';
import { LedgerModule } from '../../../libs/application/src/ledger.module';
import { HealthController } from './health.controller';
import type { ServerOptions } from './server-options';
import { SERVER_OPTIONS } from './server-tokens';

/** The server: the same ledger module (CQRS handlers) as the CLI, plus HTTP controllers. */
@Module({})
export class AppModule {
  static forRoot(options: ServerOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [LedgerModule.forRoot({ storeUrl: options.storeUrl, clock: options.clock })],
      controllers: [HealthController],
      providers: [{ provide: SERVER_OPTIONS, useValue: options }],
      exports: [SERVER_OPTIONS],
    };
  }
}
