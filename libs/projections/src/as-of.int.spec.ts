import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../event-store/src/sqlite/sqlite-event-store';
import { replayLedger } from './as-of';
import { details, ev } from './ledger-events.spec-helper';
import { snapshotOf } from './ledger-snapshot.spec-helper';
import { openReadModel } from './sqlite/open-read-model';

describe('replayLedger (as of an instant)', () => {
  let dir: string;
  let store: SqliteEventStore;
  const original = details({ date: '2024-03-05', title: '三月主题党日', attendees: [{ memberId: 'm1', status: 'present' }] });
  const corrected = details({ date: '2024-03-06', title: '三月主题党日（更正）', attendees: [{ memberId: 'm1', status: 'leave' }] });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-asof-'));
    store = new SqliteEventStore(join(dir, 'ledger.db'));
    const s = 'org-b1';
    await store.appendToStream(s, [ev.orgRegistered('b1', { at: '2024-01-01T00:00:00.000Z' })], 'no-stream');
    await store.appendToStream(s, [ev.memberEnrolled('m1', 'b1', '2020-01-01', 'full', { at: '2024-01-02T00:00:00.000Z' })], 1);
    await store.appendToStream(s, [ev.activityLogged('a1', 'b1', original, { at: '2024-03-05T12:00:00.000Z' })], 2);
    await store.appendToStream(s, [ev.activityCorrected('a1', 'b1', corrected, ['date', 'title', 'attendees'], '日期录错', { at: '2024-04-01T00:00:00.000Z' })], 3);
    await store.appendToStream(s, [ev.memberTransferred('m1', 'b1', 'b2', '2024-04-10', { at: '2024-04-10T00:00:00.000Z' })], 4);
    await store.appendToStream(s, [ev.activityVoided('a1', 'b1', '重复录入', { at: '2024-05-01T00:00:00.000Z' })], 5);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows a later-corrected activity with its original content, not voided, as of before the correction', async () => {
    const view = await replayLedger(store, { asOf: '2024-03-31T23:59:59.999Z' });
    const a1 = await view.getActivity('a1');
    expect(a1?.details).toEqual(original);
    expect(a1?.voided).toBe(false);
    expect(a1?.revisions.map((r) => r.type)).toEqual(['ActivityLogged']);
    expect(await view.listActivities(['b1'], '2024-03-01', '2024-03-31')).toHaveLength(1);
    expect(await view.position()).toBe(3n);
    expect((await view.getOrg('b1'))?.streamVersion).toBe(3);
  });

  it('shows the correction but not the void between the two', async () => {
    const view = await replayLedger(store, { asOf: '2024-04-15T08:00:00+08:00' });
    const a1 = await view.getActivity('a1');
    expect(a1?.details).toEqual(corrected);
    expect(a1?.voided).toBe(false);
    expect((await view.getMember('m1'))?.orgId).toBe('b2');
  });

  it('counts an event recorded exactly at the instant, and the void once it was recorded', async () => {
    expect((await (await replayLedger(store, { asOf: '2024-05-01T00:00:00Z' })).getActivity('a1'))?.voided).toBe(true);
    expect((await (await replayLedger(store, { asOf: '2024-05-01T07:59:59+08:00' })).getActivity('a1'))?.voided).toBe(false);
  });

  it('reads a member as it stood then: no transfer before it was recorded', async () => {
    const view = await replayLedger(store, { asOf: '2024-04-01T00:00:00.000Z' });
    expect((await view.getMember('m1'))?.periods).toEqual([{ orgId: 'b1', from: '2020-01-01', to: null, status: 'full' }]);
  });

  it('is empty before the first event, and stops at a position when asked', async () => {
    expect(await snapshotOf(await replayLedger(store, { asOf: '2023-12-31T23:59:59Z' }))).toMatchObject({ position: 0n, orgs: [], members: [] });
    const upTo4 = await replayLedger(store, { toPosition: 4n, pageSize: 2 });
    expect(await upTo4.position()).toBe(4n);
    expect((await upTo4.getActivity('a1'))?.details).toEqual(corrected);
    expect((await upTo4.getMember('m1'))?.orgId).toBe('b1');
  });

  it('with no cut-off equals the live read model', async () => {
    const rm = openReadModel(store);
    try {
      await rm.runner.catchUp();
      expect(await snapshotOf(await replayLedger(store, { pageSize: 2 }))).toEqual(await snapshotOf(rm.view));
    } finally {
      rm.close();
    }
  });

  it('refuses an instant without a zone, which would depend on the machine', async () => {
    await expect(replayLedger(store, { asOf: '2024-04-01T00:00:00' })).rejects.toThrow(RangeError);
    await expect(replayLedger(store, { asOf: '2024-04-01' })).rejects.toThrow(RangeError);
  });
});
