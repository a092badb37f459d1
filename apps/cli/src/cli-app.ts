import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { LedgerModule } from '../../../libs/application/src/ledger.module';
import type { Ledger } from '../../../libs/application/src/ledger';
import { LEDGER } from '../../../libs/application/src/tokens';
import type { GlobalOptions } from './global-options';

export interface CliApp {
  commands: CommandBus;
  queries: QueryBus;
  ledger: Ledger;
}

/**
 * Boots the same Nest CQRS module the server uses, on the chosen store, runs one verb, and shuts
 * it down (closing the database) whatever happens.
 */
export async function withCliApp<T>(globals: GlobalOptions, run: (app: CliApp) => Promise<T>): Promise<T> {
  const context = await NestFactory.createApplicationContext(LedgerModule.forRoot({ storeUrl: globals.store, readStoreUrl: globals.readStore }), {
    logger: false,
    abortOnError: false,
  });
  try {
    return await run({ commands: context.get(CommandBus), queries: context.get(QueryBus), ledger: context.get<Ledger>(LEDGER) });
  } finally {
    await context.close();
  }
}
