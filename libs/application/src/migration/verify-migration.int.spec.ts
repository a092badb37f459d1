import { orgStreamId } from '../../../domain/src';
import { migrateStore } from '../../../event-store/src/migrate/migrate-store';
import {
  appendSampleLedger,
  OpenedStore,
  postgresKind,
  sqliteKind,
  StoreKind,
} from '../../../event-store/src/migrate/migrate-fixtures.spec-helper';
import { replayLedger } from '../../../projections/src/as-of';
import { details, ev } from '../../../projections/src/ledger-events.spec-helper';
import { computeTally } from '../../../projections/src/tally/compute-tally';
import { ReplayedLedger } from './replayed-ledger';
import { verifyMigration } from './verify-migration';

const postgres = postgresKind();
const targetKinds: StoreKind[] = [sqliteKind];
if ('unavailable' in postgres) process.stderr.write(`\n⚠ migration verification against PostgreSQL SKIPPED: ${postgres.unavailable}\n\n`);
else targetKinds.push(postgres);

describe.each(targetKinds.map((k) => [k.name, k] as const))('verifyMigration SQLite → %s', (_name, targetKind) => {
  const opened: OpenedStore[] = [];
  const open = async (kind: StoreKind) => {
    const s = await kind.open();
    opened.push(s);
    return s;
  };

  afterEach(async () => {
    for (const s of opened.splice(0)) await s.dispose();
  });

  it('passes a complete copy: chains intact, same heads, every org × year tally equal on its own and rolled up', async () => {
    const source = await open(sqliteKind);
    const target = await open(targetKind);
    const events = await appendSampleLedger(source.store);
    await migrateStore(source.store, target.store);
    const v = await verifyMigration(source.store, target.store);
    expect(v.ok).toBe(true);
    expect(v.chains).toEqual({ ok: true, streams: 5, events });
    expect(v.heads).toEqual({ equal: true });
    // Three orgs, activities in 2023 and 2024, each alone and rolled up.
    expect(v.tallies).toEqual({ compared: 12, orgs: 3, years: [2023, 2024] });
  });

  it('fails when the target holds an activity the source does not, naming the stream and the first differing tally', async () => {
    const source = await open(sqliteKind);
    const target = await open(targetKind);
    await appendSampleLedger(source.store);
    await migrateStore(source.store, target.store);
    const b1 = orgStreamId('b1');
    await target.store.appendToStream(b1, [ev.activityLogged('x1', 'b1', details({ date: '2024-07-01', kinds: ['theme-day'] }))], await target.store.streamVersion(b1));

    const v = await verifyMigration(source.store, target.store);
    expect(v.ok).toBe(false);
    expect(v.chains.ok).toBe(true);
    expect(v.heads.difference).toMatchObject({ streamId: b1, source: { version: 10 }, target: { version: 11 } });
    expect(v.tallies.difference).toMatchObject({ reason: 'metrics-differ', orgId: 'b1', year: 2024, rollup: false });
  });

  it('fails when an organisation exists on one side only', async () => {
    const source = await open(sqliteKind);
    const target = await open(targetKind);
    await appendSampleLedger(source.store);
    await migrateStore(source.store, target.store);
    await source.store.appendToStream(orgStreamId('b9'), [ev.orgRegistered('b9', { parentId: 'c1' })], 'no-stream');

    const v = await verifyMigration(source.store, target.store);
    expect(v.ok).toBe(false);
    expect(v.heads.difference).toMatchObject({ streamId: 'org-b9', target: undefined });
    expect(v.tallies.difference).toEqual({ reason: 'org-missing', orgId: 'b9', missingIn: 'target' });
  });
});

describe('ReplayedLedger', () => {
  it('answers every tally exactly as the plain in-memory replay does', async () => {
    const source = await sqliteKind.open();
    try {
      await appendSampleLedger(source.store);
      const plain = await replayLedger(source.store);
      const indexed = new ReplayedLedger(plain);
      expect(indexed.activityYears().sort()).toEqual([2023, 2024]);
      let nonEmpty = 0;
      for (const orgId of ['c1', 'b1', 'b2']) {
        for (const year of [2023, 2024]) {
          for (const rollup of [false, true]) {
            const expected = await computeTally(plain, { orgId, year, rollup });
            if (expected.metrics.length > 0) nonEmpty += 1;
            expect(await computeTally(indexed, { orgId, year, rollup })).toEqual(expected);
          }
        }
      }
      expect(nonEmpty).toBeGreaterThan(4);
      expect(await indexed.listActivities(['b1', 'b2'], '2023-01-01', '2024-12-31', { includeVoided: true })).toEqual(
        await plain.listActivities(['b1', 'b2'], '2023-01-01', '2024-12-31', { includeVoided: true }),
      );
    } finally {
      await source.dispose();
    }
  });
});
