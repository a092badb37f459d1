import { DynamicModule, Inject, Module, OnApplicationShutdown, Provider } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ACCOUNT_HANDLERS } from './accounts';
import { COMMAND_HANDLERS } from './commands';
import type { Ledger } from './ledger';
import { openLedger } from './open-ledger';
import { QUERY_HANDLERS } from './queries';
import { REPORT_HANDLERS } from './reports';
import { Clock, CLOCK, LEDGER, systemClock } from './tokens';

export interface LedgerModuleOptions {
  storeUrl: string;
  /** Where the read models live when not beside the events (see `OpenLedgerOptions`). */
  readStoreUrl?: string;
  /** Keep the read models current in the background (the server). */
  live?: boolean;
  clock?: Clock;
}

/**
 * The application core shared by the CLI and the server: CQRS command and query handlers over
 * one ledger (event store + read models). Both front ends import exactly this module.
 */
@Module({})
export class LedgerModule implements OnApplicationShutdown {
  constructor(@Inject(LEDGER) private readonly ledger: Ledger) {}

  static forRoot(options: LedgerModuleOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: LEDGER, useFactory: () => openLedger(options.storeUrl, { readStore: options.readStoreUrl, live: options.live }) },
      { provide: CLOCK, useValue: options.clock ?? systemClock },
      ...COMMAND_HANDLERS,
      ...QUERY_HANDLERS,
      ...REPORT_HANDLERS,
      ...ACCOUNT_HANDLERS,
    ];
    return {
      module: LedgerModule,
      imports: [CqrsModule.forRoot()],
      providers,
      exports: [LEDGER, CLOCK, CqrsModule],
      global: true,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.ledger.close();
  }
}
