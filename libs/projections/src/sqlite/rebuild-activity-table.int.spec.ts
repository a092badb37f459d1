import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ActivityDoc } from '../../../domain/src/state';
import { SqliteEventStore } from '../../../event-store/src/sqlite/sqlite-event-store';
import { details, ev } from '../ledger-events.spec-helper';
import { activityReducer } from '../reducers/activity-reducer';
import { ACTIVITY_INSERT_BATCH, prepareReadModelStatements, ReadModelStatements } from './read-model-statements';
import { createDocumentTables, REBUILD_PREFIX, tablesWithPrefix } from './read-model-tables';
import { RebuildActivityTable } from './rebuild-activity-table';

describe('RebuildActivityTable', () => {
  let dir: string;
  let store: SqliteEventStore;
  let db: Database.Database;
  let statements: ReadModelStatements;
  const tables = tablesWithPrefix(REBUILD_PREFIX);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-rat-'));
    store = new SqliteEventStore(join(dir, 'ledger.db'));
    db = new Database(store.filePath);
    createDocumentTables(db, tables, { indexes: false });
    statements = prepareReadModelStatements(db, tables);
  });

  afterEach(async () => {
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Appends ActivityLogged events and returns the documents the reducer makes of them. */
  async function logged(ids: string[]): Promise<ActivityDoc[]> {
    await store.appendToStream('org-b1', ids.map((id, i) => ev.activityLogged(id, 'b1', details({ date: `2024-03-${String(1 + (i % 28)).padStart(2, '0')}` }))), 'any');
    const events = await store.readAll({ maxCount: 10_000 });
    return events.slice(-ids.length).map((e) => activityReducer(undefined, e) as ActivityDoc);
  }

  const rowCount = () => db.prepare(`SELECT count(*) FROM ${tables.activity}`).pluck().get();

  it('gives back each document put, before and after its batch is written', async () => {
    const docs = await logged(Array.from({ length: ACTIVITY_INSERT_BATCH * 2 + 7 }, (_, i) => `a${i}`));
    const table = new RebuildActivityTable(statements);
    for (const doc of docs) table.put(doc);
    // Two full batches are in the table; the last doc is still batched and must be found anyway.
    expect(rowCount()).toBe(ACTIVITY_INSERT_BATCH * 2);
    expect(table.get(docs[docs.length - 1].id)).toEqual(docs[docs.length - 1]);
    table.flush();
    expect(rowCount()).toBe(docs.length);
    for (const doc of docs) expect(table.get(doc.id)).toEqual(doc);
    expect(table.get('never-logged')).toBeUndefined();
  });

  it('updates a document in place when its id is put again', async () => {
    const [first, second] = await logged(['a1', 'a2']);
    const table = new RebuildActivityTable(statements);
    table.put(first);
    table.put(second);
    const corrected: ActivityDoc = { ...first, details: { ...first.details, title: '更正后' }, revisions: [...first.revisions, { ...first.revisions[0], type: 'ActivityCorrected' }] };
    table.put(corrected);
    table.flush();
    expect(rowCount()).toBe(2);
    expect(table.get('a1')).toEqual(corrected);
    expect(table.get('a2')).toEqual(second);
  });

  it('tells apart two ids whose hashes collide', async () => {
    const docs = await logged(['a-36vu', 'a-ayea']);
    const table = new RebuildActivityTable(statements);
    for (const doc of docs) table.put(doc);
    table.flush();
    expect(table.get('a-36vu')).toEqual(docs[0]);
    expect(table.get('a-ayea')).toEqual(docs[1]);
    expect(rowCount()).toBe(2);
  });
});
