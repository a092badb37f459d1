/// <reference types="jest" />
import { openEventStore } from '../../libs/event-store/src/open-event-store';
import { parsePostgresUrl } from '../../libs/event-store/src/postgres/postgres-url';
import { dropSchema, TEST_PG_VARIABLE, uniqueSchemaName } from './postgres-test-database';
import { createTempStore } from './temp-store';

/** A fresh, empty ledger location for an end-to-end suite, on one of the stores. */
export interface E2eStore {
  /** What `--store` gets. */
  url: string;
  /** How many events the store holds, read through the port (the same way on every store). */
  countEvents(): Promise<number>;
  remove(): Promise<void>;
}

export interface E2eStoreKind {
  label: string;
  create(tag: string): E2eStore;
}

const SQLITE: E2eStoreKind = {
  label: 'SQLite',
  create: (tag) => {
    const temp = createTempStore(tag);
    return { url: temp.url, countEvents: () => countThroughPort(temp.url), remove: async () => temp.remove() };
  },
};

/** PostgreSQL in a schema of its own, dropped afterwards. */
function postgresKind(baseUrl: string): E2eStoreKind {
  return {
    label: 'PostgreSQL',
    create: () => {
      const { connectionString } = parsePostgresUrl(baseUrl);
      const schema = uniqueSchemaName();
      const url = `${connectionString}${connectionString.includes('?') ? '&' : '?'}schema=${schema}`;
      return { url, countEvents: () => countThroughPort(url), remove: () => dropSchema(connectionString, schema) };
    },
  };
}

/**
 * The stores an end-to-end suite runs on: SQLite always, PostgreSQL when TAIZHANG_TEST_PG names
 * one. In CI a missing PostgreSQL is a failure; elsewhere it is a loud skip (see `describeOnStores`).
 */
export function describeOnStores(title: string, body: (kind: E2eStoreKind) => void): void {
  describe(`${title} (SQLite)`, () => body(SQLITE));
  const pg = process.env[TEST_PG_VARIABLE];
  if (pg) {
    describe(`${title} (PostgreSQL)`, () => body(postgresKind(pg)));
  } else if (process.env.CI === 'true') {
    describe(`${title} (PostgreSQL)`, () => {
      it('PostgreSQL required in CI', () => {
        throw new Error(`PostgreSQL required in CI: ${TEST_PG_VARIABLE} is not set (.ci/run starts PostgreSQL and sets it).`);
      });
    });
  } else {
    console.warn(`SKIPPED the PostgreSQL run of "${title}": ${TEST_PG_VARIABLE} is not set.`);
    describe.skip(`${title} (PostgreSQL) — SKIPPED: ${TEST_PG_VARIABLE} is not set, no PostgreSQL to test against`, () =>
      body(postgresKind('postgres://unset@127.0.0.1/unset')),
    );
  }
}

async function countThroughPort(url: string): Promise<number> {
  const store = await openEventStore(url);
  try {
    let count = 0;
    let from = 0n;
    for (;;) {
      const page = await store.readAll({ fromPosition: from, maxCount: 5000 });
      if (page.length === 0) return count;
      count += page.length;
      from = page[page.length - 1].globalPosition;
    }
  } finally {
    await store.close();
  }
}
