import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import { parseStoreUrl } from '../../libs/event-store/src/open-event-store';
import { perSecond } from './percentile';
import { rawPayload } from './raw-payload';
import type { RawCeilings } from './raw-ceilings';

/**
 * The raw `pg` ceilings on this machine, the counterpart of raw-ceilings.ts for a PostgreSQL
 * store: the same work with no ledger around it (no hashing, no lock, no checks). Inserts go to a
 * scratch table in the run's own schema (dropped with it); the read runs over the filled store.
 */

// The store's event table (libs/event-store/src/postgres/migrations.ts), restated on purpose: a
// ceiling must not move when the store's own code changes.
const RAW_TABLE = 'raw_events';
const CREATE_RAW_TABLE = (s: string) => `CREATE TABLE ${s}.${RAW_TABLE} (
  global_position BIGSERIAL PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL,
  stream_version INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL,
  metadata TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE (stream_id, stream_version))`;

const SINGLE_INSERTS = 2_000;
const BATCHES = 1_000;
const BATCH_SIZE = 100;
const STREAMS = 2_000;
const READ_PAGE = 10_000;

/** One multi-row INSERT of `rows` events, 7 parameters a row (the type and schema version are constants). */
function insertSql(schema: string, rows: number): string {
  const values = Array.from({ length: rows }, (_, r) => {
    const p = r * 7;
    return `($${p + 1},$${p + 2},$${p + 3},'ActivityLogged',1,$${p + 4},$${p + 5},$${p + 6},$${p + 7})`;
  });
  return `INSERT INTO ${schema}.${RAW_TABLE} (event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash) VALUES ${values.join(',')}`;
}

async function measureInserts(client: Client, schema: string): Promise<Pick<RawCeilings, 'single' | 'batched'>> {
  await client.query(CREATE_RAW_TABLE(schema));
  const { data, metadata } = rawPayload();
  const hash = 'a'.repeat(64);
  const versions = new Map<string, number>();
  const rowsFor = (stream: string, count: number): unknown[] => {
    let version = versions.get(stream) ?? 0;
    const values: unknown[] = [];
    for (let i = 0; i < count; i++) values.push(randomUUID(), stream, ++version, data, metadata, hash, hash);
    versions.set(stream, version);
    return values;
  };
  const single = { name: 'raw_insert_1', text: insertSql(schema, 1) };
  const batch = { name: `raw_insert_${BATCH_SIZE}`, text: insertSql(schema, BATCH_SIZE) };

  // Each INSERT on its own is one transaction, committed (synchronous_commit as the server has it).
  let started = performance.now();
  for (let i = 0; i < SINGLE_INSERTS; i++) await client.query({ ...single, values: rowsFor(`org-raw-${i % STREAMS}`, 1) });
  const singleRate = perSecond(SINGLE_INSERTS, performance.now() - started);

  started = performance.now();
  for (let i = 0; i < BATCHES; i++) await client.query({ ...batch, values: rowsFor(`org-raw-${i % STREAMS}`, BATCH_SIZE) });
  const batchedMs = performance.now() - started;
  return {
    single: { perSecond: singleRate, detail: `${SINGLE_INSERTS} one-row INSERTs, each its own transaction` },
    batched: { perSecond: perSecond(BATCHES * BATCH_SIZE, batchedMs), detail: `${BATCHES} INSERTs of ${BATCH_SIZE} rows, each its own transaction` },
  };
}

/** Reads every event of the store in order (keyset pages), parses data and metadata, and counts attendance per org. */
async function measureReadParseFold(client: Client, schema: string): Promise<Pick<RawCeilings, 'readParseFold'>> {
  const perOrg = new Map<string, number>();
  let events = 0;
  const started = performance.now();
  for (let from = '0'; ; ) {
    const page = await client.query<[string, string, string]>({
      name: 'raw_read_page',
      text: `SELECT global_position, data, metadata FROM ${schema}.events WHERE global_position > $1 ORDER BY global_position LIMIT ${READ_PAGE}`,
      values: [from],
      rowMode: 'array',
    });
    if (page.rows.length === 0) break;
    for (const [, dataText, metadataText] of page.rows) {
      const parsed = JSON.parse(dataText) as { orgId?: string; activity?: { attendees: unknown[] } };
      JSON.parse(metadataText);
      const org = parsed.orgId ?? '';
      perOrg.set(org, (perOrg.get(org) ?? 0) + (parsed.activity?.attendees.length ?? 1));
      events++;
    }
    from = page.rows[page.rows.length - 1][0];
  }
  return {
    readParseFold: { perSecond: perSecond(events, performance.now() - started), detail: `${events} events of the bench store, pages of ${READ_PAGE}` },
  };
}

/** `storeUrl`: the run's filled PostgreSQL store (read only); the inserts use a scratch table beside it. */
export async function measureRawPgCeilings(storeUrl: string): Promise<RawCeilings> {
  const location = parseStoreUrl(storeUrl);
  if (location.kind !== 'postgres') throw new Error('raw pg ceilings need a postgres:// store');
  const schema = `"${location.schema}"`;
  const { Client: PgClient } = await import('pg');
  const client = new PgClient({ connectionString: location.connectionString });
  await client.connect();
  try {
    const read = await measureReadParseFold(client, schema);
    return { ...(await measureInserts(client, schema)), ...read };
  } finally {
    await client.query(`DROP TABLE IF EXISTS ${schema}.${RAW_TABLE}`).catch(() => undefined);
    await client.end();
  }
}
