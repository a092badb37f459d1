import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropSchema, describeWithPostgres, uniqueSchemaName, withClient } from '../../../../test/helpers/postgres-test-database';
import { sampleEvent, sampleEvents, sampleMetadata } from '../contract/sample-events';
import { NewEvent, StoredEvent } from '../envelope';
import { ExpectedVersion } from '../port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { PostgresEventStore } from './postgres-event-store';

/** Everything of an event but its global position, which each store assigns its own way. */
function placeless({ globalPosition: _position, ...event }: StoredEvent): Omit<StoredEvent, 'globalPosition'> {
  return event;
}

/**
 * The hash chain is computed by shared code from canonical JSON, so the same events appended the
 * same way get the same hashes on every store; a ledger moved between stores verifies unchanged.
 */
describeWithPostgres('PostgreSQL and SQLite hash chains', (url) => {
  const schema = uniqueSchemaName();
  let dir: string;
  let sqlite: SqliteEventStore;
  let postgres: PostgresEventStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-pg-sqlite-'));
    sqlite = new SqliteEventStore(join(dir, 'events.db'));
    postgres = new PostgresEventStore({ connectionString: url, schema, maxConnections: 2 });
    await postgres.ready();
  });

  afterAll(async () => {
    await sqlite.close();
    await postgres.close();
    rmSync(dir, { recursive: true, force: true });
    await dropSchema(url, schema);
  });

  it('gives the same events the same versions, links, hashes and stored JSON text on both stores', async () => {
    const appends: [streamId: string, events: NewEvent[], expected: ExpectedVersion][] = [
      ['org-branch-1', sampleEvents(3), 'no-stream'],
      [
        'org-branch-1',
        [
          sampleEvent({
            type: 'MemberEnrolled',
            schemaVersion: 2,
            data: { zeta: '党建🚩 “引号” \\ \n', alpha: [1, -2.5, 1e-7, 123456789012, true, null, [], {}], nested: { b: { y: 1, x: 2 }, a: '' } },
            metadata: sampleMetadata({ source: 'import', causationId: 'cmd-7', importFile: '2024年台账.xlsx', row: 12 }),
          }),
        ],
        3,
      ],
      ['member-1', sampleEvents(2, { type: 'MemberTransferred' }), 'any'],
      ['org-branch-1', [sampleEvent({ data: { at: new Date('2024-03-15T00:00:00Z'), skip: undefined, lone: '\udc00' } })], 'any'],
    ];
    for (const [streamId, events, expected] of appends) {
      const onSqlite = await sqlite.appendToStream(streamId, events, expected);
      const onPostgres = await postgres.appendToStream(streamId, events, expected);
      expect(onPostgres.nextVersion).toBe(onSqlite.nextVersion);
    }

    for (const streamId of ['org-branch-1', 'member-1']) {
      const fromSqlite = await sqlite.readStream(streamId);
      const fromPostgres = await postgres.readStream(streamId);
      expect(fromPostgres.length).toBeGreaterThan(0);
      expect(fromPostgres.map(placeless)).toEqual(fromSqlite.map(placeless));
    }

    const db = new Database(join(dir, 'events.db'), { readonly: true });
    const sqliteText = db.prepare('SELECT event_id, data, metadata, hash FROM events ORDER BY event_id').all();
    db.close();
    const postgresText = await withClient(url, async (client) =>
      (await client.query(`SELECT event_id, data, metadata, hash FROM "${schema}".events ORDER BY event_id COLLATE "C"`)).rows,
    );
    expect(postgresText).toEqual(sqliteText);
  });
});
