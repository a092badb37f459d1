import { CommandBus } from '@nestjs/cqrs';
import { EnrollMemberCommand } from '../commands/member.commands';
import { LogActivityCommand } from '../commands/activity.commands';
import { RegisterOrganizationCommand } from '../commands/organization.commands';
import type { CommandMeta } from '../command-meta';
import type { Ledger } from '../ledger';
import { demoPlan } from './demo-plan';

export interface DemoLoadResult {
  orgs: number;
  members: number;
  activities: number;
  /** Activities already present from an earlier run (the load is idempotent). */
  skipped: number;
}

/** Loads the demo ledger through the ordinary commands, so it is validated like any user input. */
export async function loadDemo(
  commands: CommandBus,
  ledger: Ledger,
  year: number,
  today: string,
  onProgress?: (done: number, total: number) => void,
): Promise<DemoLoadResult> {
  const plan = demoPlan(year, today);
  const meta: CommandMeta = { actor: 'demo', source: 'system' };
  const result: DemoLoadResult = { orgs: 0, members: 0, activities: 0, skipped: 0 };
  const total = plan.orgs.length + plan.members.length + plan.activities.length;
  let done = 0;
  await ledger.catchUp();
  for (const org of plan.orgs) {
    if (!(await ledger.view.getOrg(org.id))) {
      await commands.execute(new RegisterOrganizationCommand({ id: org.id, name: org.name, kind: org.kind, parentId: org.parentId }, meta));
      result.orgs += 1;
    }
    onProgress?.(++done, total);
  }
  for (const m of plan.members) {
    if (!(await ledger.view.getMember(m.id))) {
      await commands.execute(new EnrollMemberCommand({ memberId: m.id, orgId: m.orgId, name: m.name, status: m.status, since: m.since }, meta));
      result.members += 1;
    }
    onProgress?.(++done, total);
  }
  for (const activity of plan.activities) {
    const r = await commands.execute(new LogActivityCommand(activity, meta));
    if (r.alreadyLogged) result.skipped += 1;
    else result.activities += 1;
    onProgress?.(++done, total);
  }
  return result;
}
