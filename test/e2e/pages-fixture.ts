import type { CommandMeta } from '../../libs/application/src/command-meta';
import { LogActivityCommand } from '../../libs/application/src/commands/activity.commands';
import { EnrollMemberCommand } from '../../libs/application/src/commands/member.commands';
import { RegisterOrganizationCommand } from '../../libs/application/src/commands/organization.commands';
import { startTestServer, TEST_ADMIN_PASSWORD, TEST_PASSWORD, type TestServer } from '../helpers/server';

/**
 * The ledger the page tests run against (a real server on a random port, its own temp SQLite
 * file): a committee with two branches, the first with two 党小组, members (one joining in May),
 * two activities (one logged late: 补录), and one account per role. The clock is fixed, so
 * "today" (2025-06-20) and 补录 do not depend on the day the tests run.
 */
export const TODAY = '2025-06-20';
export const PASSWORDS = { admin: TEST_ADMIN_PASSWORD, user: TEST_PASSWORD };

const SEED: CommandMeta = { actor: 'seed', source: 'cli' };

export async function startPagesServer(label: string): Promise<TestServer> {
  const srv = await startTestServer({ label: `pages-${label}`, options: { clock: { now: () => new Date(`${TODAY}T02:00:00.000Z`) } } });
  const { commands } = srv;
  const org = (id: string, name: string, kind: string, parentId?: string) =>
    commands.execute(new RegisterOrganizationCommand({ id, name, kind, parentId, establishedOn: '2020-01-01' }, SEED));
  await org('c1', '机关党委', 'committee');
  await org('b1', '第一党支部', 'branch', 'c1');
  await org('g1', '第一党小组', 'group', 'b1');
  await org('g2', '第二党小组', 'group', 'b1');
  await org('b2', '第二党支部', 'branch', 'c1');
  const member = (memberId: string, name: string, orgId: string, since: string) =>
    commands.execute(new EnrollMemberCommand({ memberId, name, orgId, since }, SEED));
  await member('m1', '张三', 'b1', '2020-01-01');
  await member('m2', '李四', 'b1', '2020-01-01');
  await member('m3', '王五', 'g1', '2020-01-01');
  await member('m4', '赵六', 'g2', '2020-01-01');
  await member('m5', '孙七', 'b1', '2025-05-01'); // not on the roster of an activity in March
  await member('m9', '周九', 'b2', '2020-01-01');
  await commands.execute(
    new LogActivityCommand({ activityId: 'seed-cm-01', orgId: 'b1', date: '2025-01-10', kinds: ['committee-meeting'], title: '一月支委会', attendees: ['m1', 'm2'] }, SEED),
  );
  await commands.execute(
    new LogActivityCommand({ activityId: 'seed-b2-01', orgId: 'b2', date: '2025-06-03', kinds: ['theme-day'], title: '第二支部主题党日', attendees: ['m9'] }, SEED),
  );
  await srv.createAccount({ username: 'secretary1', role: 'secretary', orgId: 'b1', mustChangePassword: false });
  await srv.createAccount({ username: 'secretary2', role: 'secretary', orgId: 'b2', mustChangePassword: false });
  await srv.createAccount({ username: 'auditor1', role: 'auditor', orgId: 'c1', mustChangePassword: false });
  return srv;
}
