import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Ledger } from '../../libs/application/src/ledger';
import { LedgerModule } from '../../libs/application/src/ledger.module';
import { LEDGER } from '../../libs/application/src/tokens';

/** The application as the CLI boots it: the same module, the same buses, the same ledger. */
export interface BenchApp {
  commands: CommandBus;
  queries: QueryBus;
  ledger: Ledger;
  close(): Promise<void>;
}

export async function bootBenchApp(storeUrl: string): Promise<BenchApp> {
  const context: INestApplicationContext = await NestFactory.createApplicationContext(LedgerModule.forRoot({ storeUrl }), {
    logger: false,
    abortOnError: false,
  });
  return {
    commands: context.get(CommandBus),
    queries: context.get(QueryBus),
    ledger: context.get<Ledger>(LEDGER),
    close: () => context.close(),
  };
}
