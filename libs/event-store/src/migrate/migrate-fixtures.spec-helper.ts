import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountStreamId, orgStreamId, reportStreamId } from '../../../domain/src';
import { details, ev, reportData } from '../../../projections/src/ledger-events.spec-helper';
import { StoredEvent } from '../envelope';
import { openEventStore, parseStoreUrl } from '../open-event-store';
import { EventStore } from '../port';

/**
 * Fixtures for the migration tests: a small ledger with several interleaved streams, and the
 * stores to migrate between (SQLite files; PostgreSQL schemas when TAIZHANG_TEST_PG is set).
 */

export interface OpenedStore {
  store: EventStore;
  url: string;
  /** The SQLite file, when the store is one (tests that edit a stored event behind the port). */
  sqliteFile?: string;
  dispose(): Promise<void>;
}

export interface StoreKind {
  name: string;
  open(): Promise<OpenedStore>;
}

export const sqliteKind: StoreKind = {
  name: 'SQLite',
  open: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'taizhang-migrate-'));
    const file = join(dir, 'ledger.db');
    const url = `sqlite:${file}`;
    const store = await openEventStore(url);
    return {
      store,
      url,
      sqliteFile: file,
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

/** Appends a URL parameter, whether or not the URL has a query already. */
function withParam(url: string, key: string, value: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${key}=${encodeURIComponent(value)}`;
}

/**
 * PostgreSQL, each store in a schema of its own (dropped afterwards), or the reason it is not
 * available: no TAIZHANG_TEST_PG, or no PostgreSQL adapter yet behind `openEventStore`.
 */
export function postgresKind(): StoreKind | { unavailable: string } {
  const base = process.env.TAIZHANG_TEST_PG;
  if (!base) return { unavailable: 'TAIZHANG_TEST_PG is not set' };
  try {
    parseStoreUrl(base);
  } catch (error) {
    return { unavailable: `openEventStore does not accept postgres:// URLs yet (${(error as Error).message})` };
  }
  return {
    name: 'PostgreSQL',
    open: async () => {
      const schema = `migrate_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      const url = withParam(base, 'schema', schema);
      const store = await openEventStore(url);
      return {
        store,
        url,
        dispose: async () => {
          await store.close();
          const { Client } = await import('pg');
          const client = new Client({ connectionString: base.split('?')[0] });
          await client.connect();
          try {
            await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          } finally {
            await client.end();
          }
        },
      };
    },
  };
}

/**
 * A ledger of a committee with two branches, members, activities logged in batches, corrected,
 * voided, a transfer, an account and a recorded report, recorded over several days and appended
 * interleaved across five streams (so pages hold runs of one stream and switches between streams).
 * Returns the number of events.
 */
export async function appendSampleLedger(store: EventStore, year = 2024): Promise<number> {
  const at = (day: number) => ({ at: new Date(Date.UTC(year, 0, day, 8, 30, 0, 123)).toISOString() });
  const c1 = orgStreamId('c1');
  const b1 = orgStreamId('b1');
  const b2 = orgStreamId('b2');
  const versions = new Map<string, number>();
  let count = 0;
  const append = async (streamId: string, events: Parameters<EventStore['appendToStream']>[1]) => {
    const expected = versions.get(streamId) ?? 0;
    await store.appendToStream(streamId, events, expected);
    versions.set(streamId, expected + events.length);
    count += events.length;
  };
  const d = (date: string, extra: Partial<Parameters<typeof details>[0]> = {}) => details({ date, ...extra });

  await append(c1, [ev.orgRegistered('c1', { kind: 'committee', name: '机关党委', ...at(1) })]);
  await append(b1, [ev.orgRegistered('b1', { parentId: 'c1', name: '第一党支部', ...at(1) })]);
  await append(b2, [ev.orgRegistered('b2', { parentId: 'c1', name: '第二党支部', ...at(1) })]);
  await append(b1, [ev.memberEnrolled('m1', 'b1', '2019-01-01', 'full', at(2)), ev.memberEnrolled('m2', 'b1', '2020-06-01', 'full', at(2))]);
  await append(b2, [ev.memberEnrolled('m3', 'b2', '2021-03-01', 'probationary', at(2))]);
  await append(accountStreamId('zhang'), [ev.accountCreated('zhang', at(2))]);
  await append(b1, [
    ev.activityLogged('a1', 'b1', d(`${year}-01-10`, { kinds: ['theme-day'], attendees: [{ memberId: 'm1', status: 'present' }] }), at(10)),
    ev.activityLogged('a2', 'b1', d(`${year}-02-20`, { kinds: ['branch-assembly', 'party-lecture'], title: '支部党员大会暨党课' }), at(20)),
  ]);
  await append(b2, [ev.activityLogged('a3', 'b2', d(`${year}-03-05`, { title: '三月主题党日', hours: 2 }), at(64))]);
  await append(c1, [ev.activityLogged('a4', 'c1', d(`${year}-03-12`, { kinds: ['party-lecture'], title: '书记讲党课' }), at(71))]);
  await append(b1, [ev.activityCorrected('a1', 'b1', d(`${year}-01-11`, { kinds: ['theme-day'] }), ['date'], '日期录错', at(80))]);
  await append(b2, [ev.activityLogged('a5', 'b2', d(`${year - 1}-12-28`, { title: '上年末主题党日（补录）' }), at(81))]);
  await append(b2, [ev.activityVoided('a3', 'b2', '重复录入', at(82))]);
  await append(b1, [ev.memberTransferred('m2', 'b1', 'b2', `${year}-04-01`, at(91))]);
  await append(accountStreamId('zhang'), [ev.accountPasswordChanged('zhang', 'scrypt$new', false, at(92))]);
  await append(b1, [
    ev.activityLogged('a6', 'b1', d(`${year}-04-15`, { kinds: ['theme-day'], headcount: 12 }), at(106)),
    ev.activityLogged('a7', 'b1', d(`${year}-05-15`, { kinds: ['committee-meeting'] }), at(136)),
    ev.activityLogged('a8', 'b1', d(`${year}-06-15`, { kinds: ['group-meeting'] }), at(167)),
  ]);
  await append(reportStreamId('b1'), [ev.reportCompiled(reportData('r1', 'b1', { year }), at(200))]);
  await append(c1, [ev.orgRenamed('c1', '机关委员会', '机关党委', at(201))]);
  return count;
}

/** Every event of a store in global order. */
export async function readEverything(store: EventStore, pageSize = 1000): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  let from = 0n;
  for (;;) {
    const page = await store.readAll({ fromPosition: from, maxCount: pageSize });
    if (page.length === 0) return out;
    out.push(...page);
    from = page[page.length - 1].globalPosition;
  }
}

/** An event without its global position: what must be identical in both stores. */
export function withoutPosition({ globalPosition: _position, ...rest }: StoredEvent): Omit<StoredEvent, 'globalPosition'> {
  return rest;
}
