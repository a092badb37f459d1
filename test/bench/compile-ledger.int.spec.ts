import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activityInputOf, decideLogActivity } from '../../libs/domain/src';
import type { ActivityLoggedData, MemberDoc } from '../../libs/domain/src';
import { openLedger } from '../../libs/application/src/open-ledger';
import type { Ledger } from '../../libs/application/src/ledger';
import { seededRandom } from '../../libs/application/src/demo/seeded-random';
import { compileReport } from '../../libs/report/src/compile/compile-report';
import { loadTemplate } from '../../libs/report/src/compile/template-source';
import { CompileLedger, seedCompileLedger } from './compile-ledger';

const YEAR = 2025;

describe('seedCompileLedger (real SQLite ledger)', () => {
  let dir: string;
  let ledger: Ledger;
  let seeded: CompileLedger;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'taizhang-compile-bench-'));
    ledger = await openLedger(`sqlite:${join(dir, 'l.db')}`);
    seeded = await seedCompileLedger(ledger, { branches: 8, year: YEAR }, seededRandom(7));
  });

  afterAll(async () => {
    await ledger.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds one committee over the branches, the first with two 党小组, 30 members and 150 activities in the year', async () => {
    const orgs = await ledger.view.listOrgs();
    // Committee, 8 branches, two groups under branches 1, 4 and 8.
    expect(orgs).toHaveLength(1 + 8 + 6);
    expect(seeded.orgs).toBe(orgs.length);
    const groups = await ledger.view.listChildOrgs(seeded.branchId);
    expect(groups.map((g) => g.kind)).toEqual(['group', 'group']);
    const scope = [seeded.branchId, ...groups.map((g) => g.id)];
    expect(await ledger.view.listMembers(scope)).toHaveLength(30);
    expect(await ledger.view.listActivities(scope, `${YEAR}-01-01`, `${YEAR}-12-31`)).toHaveLength(150);
    expect(seeded.branchActivitiesInYear).toBe(150);
    const all = orgs.map((o) => o.id);
    expect(await ledger.view.listActivities(all, `${YEAR}-01-01`, `${YEAR}-12-31`)).toHaveLength(seeded.activitiesInYear);
    expect(await ledger.view.listMembers(all)).toHaveLength(seeded.members);
    expect(await ledger.store.headPosition()).toBe(BigInt(seeded.events));
    expect(await ledger.view.position()).toBe(BigInt(seeded.events));
  });

  it('holds only activities the log command would have accepted', async () => {
    const events = await ledger.store.readAll({ maxCount: seeded.events });
    let checked = 0;
    for (const event of events) {
      if (event.type !== 'ActivityLogged') continue;
      const data = event.data as ActivityLoggedData;
      const members: Record<string, MemberDoc | undefined> = {};
      for (const a of data.activity.attendees) members[a.memberId] = await ledger.view.getMember(a.memberId);
      const input = { ...activityInputOf(data.orgId, data.activity), activityId: data.activityId, orgId: data.orgId, date: data.activity.date, kinds: data.activity.kinds };
      const facts = { today: `${YEAR + 1}-01-15`, org: await ledger.view.getOrg(data.orgId), childGroups: await ledger.view.listChildOrgs(data.orgId), members };
      expect(decideLogActivity(input, facts).events[0].data).toEqual(data);
      checked++;
    }
    expect(checked).toBeGreaterThan(seeded.activitiesInYear);
  });

  it('compiles the committee roll-up with one table row per branch and the branch report with its group meetings', async () => {
    const base = { view: ledger.view, store: ledger.store, year: YEAR, today: `${YEAR + 1}-01-15`, compiledAt: `${YEAR + 1}-01-15T02:00:00.000Z` };
    const rollup = await compileReport({ ...base, orgId: seeded.committeeId, template: loadTemplate('committee-secretary'), rollup: true });
    const table = rollup.document.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' ? table.rows : []).toHaveLength(8);
    const branch = await compileReport({ ...base, orgId: seeded.branchId, template: loadTemplate('branch-secretary'), rollup: false });
    const groupMeetings = branch.figures.find((f) => f.source === 'compliance' && f.metric.kind === 'group-meeting' && f.side === 'did');
    expect(groupMeetings?.value).toBe(24);
  });
});
