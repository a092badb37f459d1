import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredEvent } from '../../../event-store/src/envelope';
import { SqliteEventStore } from '../../../event-store/src/sqlite/sqlite-event-store';
import { registerUpcaster } from '../../../event-store/src/upcasters';
import { details, ev } from '../ledger-events.spec-helper';
import { appendAll, scenario } from '../ledger-snapshot.spec-helper';
import { openReadModel, ReadModel } from './open-read-model';

describe('SqliteReadModel.listActivityFacts', () => {
  let dir: string;
  let store: SqliteEventStore;
  let reader: SqliteEventStore;
  let rm: ReadModel;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-facts-'));
    store = new SqliteEventStore(join(dir, 'ledger.db'));
    reader = new SqliteEventStore(store.filePath);
    rm = openReadModel(reader);
  });

  afterEach(async () => {
    rm.close();
    await reader.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What `listActivities` says of the same activities, cut down to their facts. */
  async function factsOfDocs(orgIds: string[], from: string, to: string) {
    const docs = await rm.view.listActivities(orgIds, from, to);
    return docs.map(({ id, orgId, voided, details: d }) => ({ id, orgId, voided, details: d }));
  }

  it('says what the whole documents say, for activities stored in full and by reference', async () => {
    await appendAll(store, [...scenario(0), ...scenario(1)]);
    await store.appendToStream('org-b2-0', [ev.activityLogged('plain', 'b2-0', details({ date: '2024-03-01', hours: 2, attendees: [{ memberId: 'm2-0', status: 'present' }] }))], 'any');
    await rm.runner.catchUp();
    const orgIds = (await rm.view.listOrgs()).map((o) => o.id);
    const facts = await rm.view.listActivityFacts(orgIds, '1900-01-01', '9999-12-31');
    expect(facts).toEqual(await factsOfDocs(orgIds, '1900-01-01', '9999-12-31'));
    // Corrected (stored in full) and untouched (by reference) ones alike; the voided one left out.
    expect(facts.map((f) => f.id)).toEqual(expect.arrayContaining(['a1-0', 'a2-0', 'plain']));
    expect(facts.map((f) => f.id)).not.toContain('a3-0');
    expect(await rm.view.listActivityFacts(['b1-0'], '2024-01-06', '2024-01-06')).toEqual(await factsOfDocs(['b1-0'], '2024-01-06', '2024-01-06'));
  });

  it('reads an activity logged under an older schema version through its upcaster', async () => {
    // A hypothetical version 0 of ActivityLogged kept the date and kinds at the top level.
    registerUpcaster('ActivityLogged', 0, (e: StoredEvent) => {
      const old = e.data as { activityId: string; orgId: string; date: string; kinds: string[] };
      return { ...e, schemaVersion: 1, data: { activityId: old.activityId, orgId: old.orgId, activity: details({ date: old.date, kinds: old.kinds }) } };
    });
    await store.appendToStream('org-b1', [ev.orgRegistered('b1')], 'any');
    const v0 = { ...ev.activityLogged('old', 'b1', details({ date: '2019-07-01' })), schemaVersion: 0, data: { activityId: 'old', orgId: 'b1', date: '2019-07-01', kinds: ['party-lecture'] } };
    await store.appendToStream('org-b1', [v0], 'any');
    await rm.runner.catchUp();
    const facts = await rm.view.listActivityFacts(['b1'], '2019-01-01', '2019-12-31');
    expect(facts).toEqual(await factsOfDocs(['b1'], '2019-01-01', '2019-12-31'));
    expect(facts).toMatchObject([{ id: 'old', details: { date: '2019-07-01', kinds: ['party-lecture'] } }]);
  });
});
