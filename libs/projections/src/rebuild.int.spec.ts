import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../event-store/src/sqlite/sqlite-event-store';
import { replayLedger } from './as-of';
import { details, ev } from './ledger-events.spec-helper';
import { appendAll, scenario, snapshotOf } from './ledger-snapshot.spec-helper';
import { openReadModel, ReadModel } from './sqlite/open-read-model';

describe('rebuildReadModel', () => {
  let dir: string;
  let store: SqliteEventStore;
  let reader: SqliteEventStore;
  let rm: ReadModel;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-rebuild-'));
    store = new SqliteEventStore(join(dir, 'ledger.db'));
  });

  afterEach(async () => {
    rm?.close();
    await reader?.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A read model in a process of its own, rebuilt from scratch in steps of `pageSize` events. */
  async function rebuilt(pageSize: number) {
    reader = new SqliteEventStore(store.filePath);
    rm = openReadModel(reader, { rebuildPageSize: pageSize });
    const result = await rm.runner.rebuild();
    return { result, snapshot: await snapshotOf(rm.view) };
  }

  it.each([1, 3, 1000])('folds every event in order, as a replay does, in steps of %i', async (pageSize) => {
    await appendAll(store, [...scenario(0), ...scenario(1)]);
    // Corrected and voided in the same append as the logging, then corrected again much later.
    await store.appendToStream(
      'org-b2-0',
      [
        ev.activityLogged('near', 'b2-0', details({ date: '2024-04-01' })),
        ev.activityCorrected('near', 'b2-0', details({ date: '2024-04-02', title: '当场更正' }), ['date', 'title'], '录错'),
        ev.activityLogged('other', 'b2-0', details({ date: '2024-04-03' })),
        ev.activityVoided('other', 'b2-0', '重复'),
      ],
      'any',
    );
    await appendAll(store, scenario(2));
    await store.appendToStream('org-b2-0', [ev.activityCorrected('near', 'b2-0', details({ date: '2024-04-02', hours: 3 }), ['hours'], '补学时')], 'any');
    const { result, snapshot } = await rebuilt(pageSize);
    expect(result).toEqual({ applied: Number(await store.headPosition()), position: await store.headPosition() });
    expect(snapshot).toEqual(await snapshotOf(await replayLedger(store)));
    expect((await rm.view.getActivity('near'))?.revisions.map((r) => r.type)).toEqual(['ActivityLogged', 'ActivityCorrected', 'ActivityCorrected']);
    expect((await rm.view.getActivity('other'))?.voided).toBe(true);
    expect(snapshot.reports.map((r) => r.reportId)).toEqual(['rc-2', 'rb1-2', 'rc-1', 'rb1-1', 'rc-0', 'rb1-0']);
    expect(await rm.view.getReport('rb1-0')).toMatchObject({ orgId: 'b1-0', template: 'branch-secretary', streamVersion: 1 });
    expect(snapshot.accounts.map((a) => [a.username, a.role, a.disabled, a.version])).toEqual([
      ['audit-0', 'auditor', false, 3],
      ['audit-1', 'auditor', false, 3],
      ['audit-2', 'auditor', false, 3],
      ['wang-0', 'secretary', true, 3],
      ['wang-1', 'secretary', true, 3],
      ['wang-2', 'secretary', true, 3],
    ]);
    expect(await rm.view.getAccount('wang-0')).toMatchObject({ passwordHash: 'scrypt$chosen', mustChangePassword: false, displayName: '王书记' });
  });

  it('lets a change recorded before its activity was logged change nothing, as in a replay', async () => {
    await appendAll(store, scenario(0));
    await store.appendToStream('org-b1-0', [ev.activityVoided('early', 'b1-0', '先于登记的作废')], 'any');
    await store.appendToStream('org-b1-0', [ev.activityLogged('early', 'b1-0', details({ date: '2024-05-01' }))], 'any');
    const { snapshot } = await rebuilt(2);
    expect(snapshot).toEqual(await snapshotOf(await replayLedger(store)));
    expect(await rm.view.getActivity('early')).toMatchObject({ voided: false, revisions: [{ type: 'ActivityLogged' }] });
  });

  it('starts the document afresh when an activity id is logged a second time', async () => {
    await appendAll(store, scenario(0));
    await store.appendToStream('org-b1-0', [ev.activityLogged('a1-0', 'b1-0', details({ date: '2024-07-01', title: '重复登记' }))], 'any');
    const { snapshot } = await rebuilt(4);
    expect(snapshot).toEqual(await snapshotOf(await replayLedger(store)));
    expect(await rm.view.getActivity('a1-0')).toMatchObject({ details: { title: '重复登记' }, revisions: [{ type: 'ActivityLogged' }] });
  });
});
