import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { perSecond } from './percentile';
import { rawPayload } from './raw-payload';
import type { RawCeilingId } from './figures';

/**
 * The raw better-sqlite3 ceilings, measured on this machine: the same work with no ledger
 * around it (no hashing, no validation, no read model). The figures came from another
 * machine; the ratio of ours to these is what the code controls.
 */

// The store's table and pragmas (libs/event-store/src/sqlite/schema.ts, open-database.ts), restated
// here on purpose: a ceiling must not move when the store's own code changes.
const EVENTS_TABLE = `CREATE TABLE events (
  global_position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL,
  stream_version INTEGER NOT NULL, type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL,
  metadata TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE (stream_id, stream_version))`;

const SINGLE_INSERTS = 3_000;
const BATCHES = 2_000;
const BATCH_SIZE = 100;
const STREAMS = 2_000;

export type RawCeilings = Record<RawCeilingId, { perSecond: number; detail: string }>;

function measureInserts(file: string): Pick<RawCeilings, 'single' | 'batched'> {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(EVENTS_TABLE);
    const { data, metadata } = rawPayload();
    const insert = db.prepare('INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)');
    const hash = 'a'.repeat(64);
    const versions = new Map<string, number>();
    const insertRows = (stream: string, count: number) => {
      let version = versions.get(stream) ?? 0;
      for (let i = 0; i < count; i++) insert.run(randomUUID(), stream, ++version, 'ActivityLogged', data, metadata, hash, hash);
      versions.set(stream, version);
    };
    const append = db.transaction(insertRows).immediate;

    let started = performance.now();
    for (let i = 0; i < SINGLE_INSERTS; i++) append(`org-raw-${i % STREAMS}`, 1);
    const single = perSecond(SINGLE_INSERTS, performance.now() - started);

    started = performance.now();
    for (let i = 0; i < BATCHES; i++) append(`org-raw-${i % STREAMS}`, BATCH_SIZE);
    const batchedMs = performance.now() - started;
    return {
      single: { perSecond: single, detail: `${SINGLE_INSERTS} one-row transactions` },
      batched: { perSecond: perSecond(BATCHES * BATCH_SIZE, batchedMs), detail: `${BATCHES} transactions of ${BATCH_SIZE} rows` },
    };
  } finally {
    db.close();
  }
}

/** Reads every event of the store in order, parses data and metadata, and counts attendance per org. */
function measureReadParseFold(storeFile: string): Pick<RawCeilings, 'readParseFold'> {
  const db = new Database(storeFile, { readonly: true });
  try {
    const perOrg = new Map<string, number>();
    let events = 0;
    const started = performance.now();
    const rows = db.prepare<[], [string, string]>('SELECT data, metadata FROM events ORDER BY global_position').raw(true).iterate();
    for (const [dataText, metadataText] of rows) {
      const data = JSON.parse(dataText) as { orgId?: string; activity?: { attendees: unknown[] } };
      JSON.parse(metadataText);
      const org = data.orgId ?? '';
      perOrg.set(org, (perOrg.get(org) ?? 0) + (data.activity?.attendees.length ?? 1));
      events++;
    }
    return { readParseFold: { perSecond: perSecond(events, performance.now() - started), detail: `${events} events of the bench store` } };
  } finally {
    db.close();
  }
}

/** `storeFile`: the filled bench store (read only). Inserts go to a scratch file in the temp dir. */
export function measureRawCeilings(storeFile: string): RawCeilings {
  const dir = mkdtempSync(join(tmpdir(), 'taizhang-bench-raw-'));
  try {
    return { ...measureInserts(join(dir, 'raw.db')), ...measureReadParseFold(storeFile) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
