import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../event-store/src/sqlite/sqlite-event-store';
import { replayLedger } from './as-of';
import { appendAll, scenario } from './ledger-snapshot.spec-helper';
import { computeCompliance, computeTally } from './queries';

describe('replayLedger scoped to one organisation', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-asof-scope-'));
    store = new SqliteEventStore(join(dir, 'ledger.db'));
    await appendAll(store, [...scenario(0), ...scenario(1)]);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['a branch', 'b2-0', false],
    ['a committee with roll-up', 'c-0', true],
  ])('answers questions about %s exactly as a whole-ledger replay does', async (_name, orgId, rollup) => {
    const asOf = '2024-01-15T12:00:00.000Z';
    const whole = await replayLedger(store, { asOf });
    const scoped = await replayLedger(store, { asOf, orgId });
    const tally = (view: typeof whole) => computeTally(view, { orgId, year: 2024, rollup });
    expect(await tally(scoped)).toEqual(await tally(whole));
    expect((await tally(whole)).metrics.length).toBeGreaterThan(0);
    const compliance = (view: typeof whole) => computeCompliance(view, { orgId, year: 2024, today: '2024-12-31' });
    expect(await compliance(scoped)).toEqual(await compliance(whole));
    expect(await scoped.getMember('m3-0')).toEqual(await whole.getMember('m3-0'));
  });

  it('leaves out activities of organisations outside the subtree', async () => {
    const scoped = await replayLedger(store, { orgId: 'b2-0' });
    expect(await scoped.getActivity('a3-0')).toBeDefined();
    expect(await scoped.getActivity('a1-0')).toBeUndefined();
    expect(await scoped.getActivity('a3-1')).toBeUndefined();
    expect((await scoped.listOrgs()).length).toBe((await (await replayLedger(store)).listOrgs()).length);
  });

  it('holds the reports of the subtree recorded by then, as a whole-ledger replay does', async () => {
    // rb1-0 was recorded on 2024-01-18, rc-0 on 2024-01-19 (01:00 UTC).
    const asOf = '2024-01-18T12:00:00.000Z';
    const whole = await replayLedger(store, { asOf });
    const scoped = await replayLedger(store, { asOf, orgId: 'c-0' });
    expect((await scoped.listReports()).map((r) => r.reportId)).toEqual(['rb1-0']);
    expect(await scoped.listReports('b1-0')).toEqual(await whole.listReports('b1-0'));
    const later = await replayLedger(store, { orgId: 'c-0' });
    expect((await later.listReports()).map((r) => r.reportId)).toEqual(['rc-0', 'rb1-0']);
    expect(await (await replayLedger(store, { orgId: 'b2-0' })).listReports()).toEqual([]);
    expect(await (await replayLedger(store, { asOf: '2024-01-15T12:00:00.000Z', orgId: 'c-0' })).listReports()).toEqual([]);
  });

  it('holds every account as it stood then, whatever the subtree, as a whole-ledger replay does', async () => {
    // wang-0 was created on 2024-01-03 and disabled on 2024-01-11 (01:00 UTC).
    const asOf = '2024-01-05T00:00:00.000Z';
    const scoped = await replayLedger(store, { asOf, orgId: 'b2-0' });
    const whole = await replayLedger(store, { asOf });
    expect(await scoped.listAccounts()).toEqual(await whole.listAccounts());
    expect((await scoped.listAccounts()).map((a) => [a.username, a.disabled])).toEqual([
      ['audit-0', false],
      ['wang-0', false],
    ]);
    expect((await (await replayLedger(store, { orgId: 'b2-0' })).getAccount('wang-0'))?.disabled).toBe(true);
  });
});
