import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CreateAccountCommand } from '../../../../libs/application/src/accounts/create-account.command';
import { EnsureAdminCommand } from '../../../../libs/application/src/accounts/ensure-admin.command';
import { GetAccountQuery } from '../../../../libs/application/src/accounts/get-account.query';
import type { CommandMeta } from '../../../../libs/application/src/command-meta';
import { DEMO_COMMITTEE_ID } from '../../../../libs/application/src/demo/demo-plan';

const SYSTEM: CommandMeta = { actor: 'system', source: 'system' };

/**
 * A ledger with no account gets `admin`. A generated password is printed once (it is stored only
 * as a hash) and must be changed at the first login; one from TAIZHANG_ADMIN_PASSWORD is not echoed.
 */
export async function ensureFirstAdmin(commands: CommandBus, password: string | undefined, announce: (line: string) => void): Promise<boolean> {
  const result = await commands.execute(new EnsureAdminCommand({ password }, SYSTEM));
  if (!result.created) return false;
  announce(
    result.generated
      ? `已创建管理员账号 ${result.username}，初始密码：${result.password}（只显示这一次，请登录后修改）`
      : `已创建管理员账号 ${result.username}，密码为 TAIZHANG_ADMIN_PASSWORD 所设`,
  );
  return true;
}

/** The demo's two accounts: one secretary of a branch, one auditor of the whole committee. */
export const DEMO_ACCOUNTS = [
  { username: 'demo-secretary', role: 'secretary', orgId: 'demo-b1', displayName: '示范支部书记', label: '办公室党支部书记' },
  { username: 'demo-auditor', role: 'auditor', orgId: DEMO_COMMITTEE_ID, displayName: '示范审计员', label: '机关党委审计' },
] as const;

/**
 * Creates the demo accounts that do not exist yet (so a second `--demo` start changes nothing).
 * They keep their password: a demo is for trying things out, not for first-login ceremonies.
 */
export async function ensureDemoAccounts(
  commands: CommandBus,
  queries: QueryBus,
  password: string | undefined,
  announce: (line: string) => void,
): Promise<string[]> {
  const created: string[] = [];
  for (const demo of DEMO_ACCOUNTS) {
    if (await queries.execute(new GetAccountQuery({ username: demo.username }))) continue;
    const result = await commands.execute(
      new CreateAccountCommand(
        { username: demo.username, password, role: demo.role, orgId: demo.orgId, displayName: demo.displayName, mustChangePassword: false },
        SYSTEM,
      ),
    );
    created.push(demo.username);
    announce(
      result.generatedPassword
        ? `已创建示范账号 ${demo.username}（${demo.label}），密码：${result.generatedPassword}`
        : `已创建示范账号 ${demo.username}（${demo.label}），密码为 TAIZHANG_DEMO_PASSWORD 所设`,
    );
  }
  return created;
}
