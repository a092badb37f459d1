import { Command } from 'commander';
import { ROLE_INFO } from '../../../../libs/domain/src/accounts/roles';
import type { OrgDoc } from '../../../../libs/domain/src';
import type { AccountView } from '../../../../libs/application/src/accounts/account-view';
import { CreateAccountCommand } from '../../../../libs/application/src/accounts/create-account.command';
import { DisableAccountCommand } from '../../../../libs/application/src/accounts/disable-account.command';
import { EnableAccountCommand } from '../../../../libs/application/src/accounts/enable-account.command';
import { ListAccountsQuery } from '../../../../libs/application/src/accounts/list-accounts.query';
import { ResetPasswordCommand } from '../../../../libs/application/src/accounts/reset-password.command';
import { ListOrgsQuery } from '../../../../libs/application/src/queries/list-orgs.query';
import type { CliApp } from '../cli-app';
import { verb } from '../cli-action';
import { printJson, printText } from '../printers/output';
import { renderTable } from '../printers/table';

interface UserAddOpts {
  username: string;
  role: string;
  org?: string;
  name?: string;
  password?: string;
}

/**
 * `taizhang user …`: login accounts for the web server. The console is trusted (whoever can run
 * the CLI can open the ledger file), so these verbs need no login; the events record `--actor`.
 */
export function registerUser(program: Command): void {
  const user = program.command('user').description('账号管理：网页登录账号的创建、列出、重置密码、停用与启用');

  user
    .command('add')
    .description('创建账号（不给 --password 时生成一次性密码，只显示这一次）')
    .requiredOption('--username <name>', '用户名（小写英文字母开头，3–32位）')
    .requiredOption('--role <role>', '角色：admin（管理员）| secretary（支部书记，录入）| auditor（审计，只读）')
    .option('--org <id>', '组织范围：该组织及其下级（书记、审计必填；管理员不填则为整个台账）')
    .option('--name <name>', '姓名（显示名）')
    .option('--password <password>', '密码（至少10位；会留在命令历史中，建议不填而用生成的一次性密码）')
    .action(
      verb<UserAddOpts>(async ({ app, globals, opts }) => {
        const { account, generatedPassword } = await app.commands.execute(
          new CreateAccountCommand(
            { username: opts.username, password: opts.password, role: opts.role, orgId: opts.org ?? null, displayName: opts.name ?? null },
            { actor: globals.actor, source: 'cli' },
          ),
        );
        if (globals.json) return printJson({ ok: true, account, generatedPassword });
        const scope = scopeLabel(account, await orgNames(app));
        const lines = [`已创建账号：${account.username}（${ROLE_INFO[account.role].name}，范围：${scope}）`];
        if (generatedPassword !== null) lines.push(`初始密码（只显示这一次，首次登录后须修改）：${generatedPassword}`);
        printText(lines.join('\n'));
      }),
    );

  user
    .command('list')
    .description('列出全部账号（含已停用的）')
    .action(
      verb<Record<string, never>>(async ({ app, globals }) => {
        const { accounts } = await app.queries.execute(new ListAccountsQuery());
        if (globals.json) return printJson({ accounts });
        if (accounts.length === 0) return printText('尚无账号（首次启动网页服务时会创建 admin，或用 taizhang user add 创建）');
        const names = await orgNames(app);
        printText(
          `账号：${accounts.length} 个\n${renderTable(
            [
              { header: '用户名', value: (a: AccountView) => a.username },
              { header: '姓名', value: (a) => a.displayName },
              { header: '角色', value: (a) => ROLE_INFO[a.role].name },
              { header: '组织范围', value: (a) => scopeLabel(a, names) },
              { header: '状态', value: (a) => (a.disabled ? '已停用' : '正常') },
              { header: '需改密码', value: (a) => (a.mustChangePassword ? '是' : '否') },
            ],
            accounts,
          )}`,
        );
      }),
    );

  user
    .command('reset-password')
    .description('重置密码（不给 --password 时生成；账号下次登录须修改）')
    .requiredOption('--username <name>', '用户名')
    .option('--password <password>', '新密码（至少10位；建议不填而用生成的一次性密码）')
    .action(
      verb<{ username: string; password?: string }>(async ({ app, globals, opts }) => {
        const r = await app.commands.execute(
          new ResetPasswordCommand({ username: opts.username, newPassword: opts.password }, { actor: globals.actor, source: 'cli' }),
        );
        if (globals.json) return printJson({ ok: true, account: r.account, password: r.password, generated: r.generated });
        printText(`已重置账号 ${r.account.username} 的密码\n新密码（只显示这一次，下次登录后须修改）：${r.password}`);
      }),
    );

  user
    .command('disable')
    .description('停用账号（不能再登录；记录保留，可重新启用）')
    .requiredOption('--username <name>', '用户名')
    .option('--reason <text>', '原因')
    .action(
      verb<{ username: string; reason?: string }>(async ({ app, globals, opts }) => {
        const r = await app.commands.execute(new DisableAccountCommand({ username: opts.username, reason: opts.reason }, { actor: globals.actor, source: 'cli' }));
        if (globals.json) return printJson({ ok: true, account: r.account });
        printText(`已停用账号：${r.account.username}`);
      }),
    );

  user
    .command('enable')
    .description('重新启用已停用的账号')
    .requiredOption('--username <name>', '用户名')
    .action(
      verb<{ username: string }>(async ({ app, globals, opts }) => {
        const r = await app.commands.execute(new EnableAccountCommand({ username: opts.username }, { actor: globals.actor, source: 'cli' }));
        if (globals.json) return printJson({ ok: true, account: r.account });
        printText(`已启用账号：${r.account.username}`);
      }),
    );
}

async function orgNames(app: CliApp): Promise<Map<string, string>> {
  const { orgs } = await app.queries.execute(new ListOrgsQuery());
  return new Map(orgs.map((o: OrgDoc) => [o.id, o.name]));
}

/** The orgs an account works in, as a person reads it. */
function scopeLabel(account: AccountView, names: ReadonlyMap<string, string>): string {
  if (account.orgId === null) return '整个台账';
  const name = names.get(account.orgId);
  return `${name ? `${name}（${account.orgId}）` : account.orgId}及下级组织`;
}
