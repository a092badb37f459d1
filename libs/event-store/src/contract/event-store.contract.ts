/// <reference types="jest" />
import { EventStore } from '../port';
import { appendAndReadContract } from './append-and-read.contract';
import { concurrentWritersContract } from './concurrent-writers.contract';
import { ContractContext } from './contract-context';
import { expectedVersionContract } from './expected-version.contract';
import { hashChainContract } from './hash-chain.contract';
import { idempotencyContract } from './idempotency.contract';
import { readAllContract } from './read-all.contract';
import { subscriptionContract } from './subscription.contract';

/** What an adapter's test hands the contract suite for each test. */
export interface EventStoreFixture {
  /** A store on a fresh, empty backend (its own file, schema or database). */
  store: EventStore;
  /**
   * Another store instance on the same backend, as a second process or server would open it
   * (its own connection). The test that asks for it closes it.
   */
  openAnother(): Promise<EventStore>;
  /** Closes `store` and removes the backend. */
  cleanup(): Promise<void>;
}

export type EventStoreFactory = () => Promise<EventStoreFixture>;

/**
 * THE suite every event store adapter runs (SQLite now; PostgreSQL and EventStoreDB later):
 * `describeEventStoreContract('postgres', async () => ({ store, openAnother, cleanup }))`.
 * Each test gets a fresh backend from `factory`.
 */
export function describeEventStoreContract(adapterName: string, factory: EventStoreFactory): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let fixture: EventStoreFixture | undefined;
    const context: ContractContext = {
      get store(): EventStore {
        if (!fixture) throw new Error('the contract fixture is not open');
        return fixture.store;
      },
      openAnother: () => {
        if (!fixture) throw new Error('the contract fixture is not open');
        return fixture.openAnother();
      },
    };

    beforeEach(async () => {
      fixture = await factory();
    });

    afterEach(async () => {
      await fixture?.cleanup();
      fixture = undefined;
    });

    appendAndReadContract(context);
    expectedVersionContract(context);
    idempotencyContract(context);
    hashChainContract(context);
    readAllContract(context);
    subscriptionContract(context);
    concurrentWritersContract(context);
  });
}
