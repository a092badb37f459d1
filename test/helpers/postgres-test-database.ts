/// <reference types="jest" />
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { parsePostgresUrl } from '../../libs/event-store/src/postgres/postgres-url';

/** The variable that names the PostgreSQL database tests may use (CI sets it in .ci/run). */
export const TEST_PG_VARIABLE = 'TAIZHANG_TEST_PG';

let warned = false;

/**
 * `describe` for suites that need PostgreSQL. With TAIZHANG_TEST_PG set, runs `body` with its URL.
 * Without it the suite is skipped loudly (a warning, and the reason in the skipped suite's title);
 * in CI (CI=true) a missing PostgreSQL is a failing test instead of a skip.
 */
export function describeWithPostgres(title: string, body: (url: string) => void): void {
  const url = process.env[TEST_PG_VARIABLE];
  if (url) {
    describe(title, () => body(parsePostgresUrl(url).connectionString));
    return;
  }
  if (process.env.CI === 'true') {
    describe(title, () => {
      it('PostgreSQL required in CI', () => {
        throw new Error(`PostgreSQL required in CI: ${TEST_PG_VARIABLE} is not set (.ci/run starts PostgreSQL and sets it).`);
      });
    });
    return;
  }
  if (!warned) {
    warned = true;
    console.warn(
      `SKIPPED PostgreSQL tests in ${expect.getState().testPath ?? 'this file'}: ${TEST_PG_VARIABLE} is not set. ` +
        `Set ${TEST_PG_VARIABLE}=postgres://user:password@127.0.0.1:5432/database to run them.`,
    );
  }
  // The body still registers its tests, so they are counted as skipped.
  describe.skip(`${title} — SKIPPED: ${TEST_PG_VARIABLE} is not set, no PostgreSQL to test against`, () => body('postgres://unset'));
}

/** A schema name no other test uses (created by the store's migration, dropped by `dropSchema`). */
export function uniqueSchemaName(): string {
  return `tz_test_${randomBytes(8).toString('hex')}`;
}

/** Runs `work` on a plain connection of its own, as a DBA in psql would. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  if (!/^tz_test_[0-9a-f]+$/.test(schema)) throw new Error(`refusing to drop a schema tests did not create: ${schema}`);
  await withClient(url, (client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}
