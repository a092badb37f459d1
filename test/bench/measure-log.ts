import { performance } from 'node:perf_hooks';
import { LogActivityCommand } from '../../libs/application/src/commands/activity.commands';
import { EnrollMemberCommand } from '../../libs/application/src/commands/member.commands';
import { RegisterOrganizationCommand } from '../../libs/application/src/commands/organization.commands';
import type { CommandMeta } from '../../libs/application/src/command-meta';
import { ProgressBar } from '../../apps/cli/src/printers/progress-bar';
import type { BenchApp } from './bench-app';
import type { BenchStoreKind } from './bench-store';
import { Figure, TARGETS } from './figures';
import { perSecond } from './percentile';

const MEMBERS = 12;
const META: CommandMeta = { actor: 'bench', source: 'cli' };

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/**
 * Figure 1: `count` activities logged one after another through the CommandBus, each a full
 * command (catch-up, fact reads, validation, one durable append) as `taizhang log` runs it.
 */
export async function measureCommandLog(app: BenchApp, count: number, tag: string, lastYear: number, storeKind: BenchStoreKind = 'sqlite'): Promise<Figure> {
  const committeeId = `bench-${tag}-log-c`;
  const branchId = `bench-${tag}-log-b`;
  await app.commands.execute(new RegisterOrganizationCommand({ id: committeeId, name: '基准测试党委', kind: 'committee' }, META));
  await app.commands.execute(new RegisterOrganizationCommand({ id: branchId, name: '基准测试支部', kind: 'branch', parentId: committeeId }, META));
  const memberIds = Array.from({ length: MEMBERS }, (_, i) => `${branchId}-m${i + 1}`);
  for (const memberId of memberIds) {
    await app.commands.execute(new EnrollMemberCommand({ memberId, orgId: branchId, name: `党员${memberId.slice(-3)}`, since: `${lastYear - 1}-01-01` }, META));
  }

  const bar = new ProgressBar('log (CommandBus)');
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const date = `${lastYear}-${pad2(1 + (i % 12))}-${pad2(1 + (i % 28))}`;
    // Ten of the twelve members, rotating: present, one on leave.
    const listed = Array.from({ length: 10 }, (_, k) => memberIds[(i + k) % MEMBERS]);
    await app.commands.execute(
      new LogActivityCommand(
        { orgId: branchId, date, kinds: ['theme-day'], title: `主题党日（第${i + 1}次）`, place: '党员活动室', attendees: listed.slice(0, 9), leave: listed.slice(9), hours: 2 },
        META,
      ),
    );
    bar.update(i + 1, count);
  }
  const elapsed = performance.now() - started;
  bar.finish();
  return {
    id: 'log',
    label: 'log: LogActivityCommand via CommandBus',
    value: perSecond(count, elapsed),
    unit: 'activities/s',
    target: TARGETS.log,
    detail: `${count} commands in sequence, each its own ${storeKind === 'postgres' ? 'committed PostgreSQL transaction' : 'synchronous=FULL append'} (${(elapsed / 1000).toFixed(2)} s)`,
  };
}
