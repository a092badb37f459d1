import { seededRandom } from '../../../application/src/demo/seeded-random';
import type { StoredEvent } from '../../../event-store/src/envelope';
import type { EventStore } from '../../../event-store/src/port';
import { planSyntheticLedger, syntheticBatches } from '../../../../test/bench/synthetic-ledger';
import { applyEvent, emptyLedgerState, InMemoryLedgerView } from '../in-memory-ledger';
import type { ActivityFacts, LedgerView } from '../ledger-view';
import { getMembers } from '../get-members';
import { listActivityFacts } from '../list-activity-facts';
import { snapshotOf } from '../ledger-snapshot.spec-helper';

/** Every event of the store, in global order. */
export async function readEverything(store: EventStore): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  for (let from = 0n; ; ) {
    const page = await store.readAll({ fromPosition: from, maxCount: 5_000 });
    if (page.length === 0) return all;
    all.push(...page);
    from = page[page.length - 1].globalPosition;
  }
}

/** The reference: the whole store folded in memory. */
export async function inMemoryViewOf(store: EventStore): Promise<InMemoryLedgerView> {
  const state = emptyLedgerState();
  for (const event of await readEverything(store)) applyEvent(state, event);
  return new InMemoryLedgerView(state);
}

/**
 * `snapshotOf` and more: every document read by id, activities by year per org and across all
 * orgs, with and without voided ones, and as facts; ids that do not exist.
 */
export async function fullSnapshotOf(view: LedgerView) {
  const base = await snapshotOf(view);
  const orgIds = base.orgs.map((o) => o.id);
  const years = ['2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025'];
  return {
    ...base,
    orgsById: await Promise.all([...orgIds, 'no-such-org'].map((id) => view.getOrg(id))),
    membersById: await Promise.all([...base.members.map((m) => m.id), 'no-such-member'].map((id) => view.getMember(id))),
    // In one read where the view offers it; order kept, unknown and repeated ids included.
    membersAtOnce: await getMembers(view, ['no-such-member', ...base.members.map((m) => m.id).reverse(), base.members[0]?.id ?? 'none']),
    noMembersAtOnce: await getMembers(view, []),
    // Every changed activity and a sample of the others (one query each: thousands would be slow).
    activitiesById: await Promise.all(
      [...base.activities.filter((a, i) => a.revisions.length > 1 || i % 10 === 0).map((a) => a.id), 'no-such-activity'].map((id) => view.getActivity(id)),
    ),
    reportsById: await Promise.all([...base.reports.map((r) => r.reportId), 'no-such-report'].map((id) => view.getReport(id))),
    accountsByName: await Promise.all([...base.accounts.map((a) => a.username), 'nobody'].map((username) => view.getAccount(username))),
    someMembers: await view.listMembers(orgIds.filter((_, i) => i % 3 === 0)),
    noMembers: await view.listMembers([]),
    byOrgAndYear: await Promise.all(orgIds.slice(0, 40).flatMap((id) => years.map((y) => view.listActivities([id], `${y}-01-01`, `${y}-12-31`)))),
    facts: factsOnly(await listActivityFacts(view, orgIds, '1900-01-01', '9999-12-31')),
    factsOfYear: factsOnly(await listActivityFacts(view, orgIds.slice(0, 5), '2022-01-01', '2022-12-31')),
    dayRange: await view.listActivities(orgIds, '2021-03-01', '2021-03-01', { includeVoided: true }),
  };
}

/** Facts as plain objects (a view without `listActivityFacts` hands out whole documents). */
function factsOnly(facts: ActivityFacts[]): ActivityFacts[] {
  return facts.map(({ id, orgId, voided, details }) => ({ id, orgId, voided, details }));
}

/** The facts `listActivities` gives, as `listActivityFacts` should give them. */
export async function factsViaDocs(view: LedgerView, orgIds: string[], from: string, to: string) {
  const docs = await view.listActivities(orgIds, from, to);
  return docs.map(({ id, orgId, voided, details }) => ({ id, orgId, voided, details }));
}

/**
 * Appends a synthetic ledger of about `totalEvents` (orgs, members, activities with corrections
 * and voids) with exact expected versions. Returns how many events were appended.
 */
export async function appendSyntheticLedger(store: EventStore, totalEvents: number, tag: string, seed = 7): Promise<number> {
  const plan = planSyntheticLedger(totalEvents, tag, 2025);
  let appended = 0;
  let pending: Promise<unknown>[] = [];
  // Several appends in flight at once (each to its own stream), as a busy server would make them.
  for (const batch of syntheticBatches(plan, seededRandom(seed))) {
    pending.push(store.appendToStream(batch.streamId, batch.events, batch.expectedVersion));
    appended += batch.events.length;
    if (pending.length >= 4 || batch.phase === 'setup') {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
  return appended;
}

/** Polls `condition` until it holds (no deadline of its own: the test's timeout is the limit). */
export async function eventually(condition: () => Promise<boolean> | boolean, everyMs = 50): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, everyMs));
}
